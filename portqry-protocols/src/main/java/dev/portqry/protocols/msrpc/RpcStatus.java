package dev.portqry.protocols.msrpc;

import java.util.Locale;
import java.util.Map;

/**
 * A 32-bit DCE/RPC status: a fault or reject code (C706 appendix E, MS-RPCE 2.2.2.12 and 3.1.1.5.5)
 * or the {@code error_status_t} an endpoint-mapper call returns. An open value type:
 * {@link #valueOf(long)} never throws and names the codes it knows.
 *
 * @param code the unsigned 32-bit code
 * @param name a symbolic name, or {@code unknown} when the code is not one of the constants
 */
public record RpcStatus(long code, String name) {
    /** Success. */
    public static final RpcStatus OK = new RpcStatus(0, "rpc_s_ok");
    /** The endpoint mapper has no (more) matching entries (C706 appendix O); Samba ends a lookup with it. */
    public static final RpcStatus EPT_S_NOT_REGISTERED = new RpcStatus(0x16c9a0d6L, "ept_s_not_registered");
    /** Windows' code for the same condition: EPT_S_NOT_REGISTERED, 1753 (MS-ERREF 2.2). */
    public static final RpcStatus WIN32_EPT_S_NOT_REGISTERED = new RpcStatus(0x6d9, "EPT_S_NOT_REGISTERED");
    /** Access denied (MS-ERREF 2.2). */
    public static final RpcStatus ACCESS_DENIED = new RpcStatus(5, "ERROR_ACCESS_DENIED");
    /** The operation number is out of range (C706 appendix E). */
    public static final RpcStatus NCA_S_OP_RNG_ERROR = new RpcStatus(0x1c010002L, "nca_s_op_rng_error");
    /** The server does not know the interface (C706 appendix E). */
    public static final RpcStatus NCA_S_UNK_IF = new RpcStatus(0x1c010003L, "nca_s_unk_if");
    /** The server saw a protocol error (C706 appendix E). */
    public static final RpcStatus NCA_S_PROTO_ERROR = new RpcStatus(0x1c01000bL, "nca_s_proto_error");
    /** The stub data could not be unmarshalled (MS-ERREF: RPC_X_BAD_STUB_DATA). */
    public static final RpcStatus RPC_X_BAD_STUB_DATA = new RpcStatus(0x6f7, "RPC_X_BAD_STUB_DATA");
    /** Context handle mismatch (C706 appendix E). */
    public static final RpcStatus NCA_S_FAULT_CONTEXT_MISMATCH = new RpcStatus(0x1c00001aL, "nca_s_fault_context_mismatch");
    /** The procedure number is out of range (MS-ERREF: RPC_S_PROCNUM_OUT_OF_RANGE). */
    public static final RpcStatus RPC_S_PROCNUM_OUT_OF_RANGE = new RpcStatus(0x6d1, "RPC_S_PROCNUM_OUT_OF_RANGE");

    private static final Map<Long, RpcStatus> KNOWN = Map.of(
            OK.code, OK, EPT_S_NOT_REGISTERED.code, EPT_S_NOT_REGISTERED,
            WIN32_EPT_S_NOT_REGISTERED.code, WIN32_EPT_S_NOT_REGISTERED, ACCESS_DENIED.code, ACCESS_DENIED,
            NCA_S_OP_RNG_ERROR.code, NCA_S_OP_RNG_ERROR, NCA_S_UNK_IF.code, NCA_S_UNK_IF,
            NCA_S_PROTO_ERROR.code, NCA_S_PROTO_ERROR, RPC_X_BAD_STUB_DATA.code, RPC_X_BAD_STUB_DATA,
            NCA_S_FAULT_CONTEXT_MISMATCH.code, NCA_S_FAULT_CONTEXT_MISMATCH,
            RPC_S_PROCNUM_OUT_OF_RANGE.code, RPC_S_PROCNUM_OUT_OF_RANGE);

    /**
     * @param code an unsigned 32-bit code (higher bits are dropped)
     * @return the named constant, or a value named {@code unknown}
     */
    public static RpcStatus valueOf(long code) {
        long c = code & 0xffffffffL;
        RpcStatus known = KNOWN.get(c);
        return known != null ? known : new RpcStatus(c, "unknown");
    }

    /** @return whether the endpoint mapper said "no (more) entries", in either Samba's or Windows' code */
    public boolean isNotRegistered() {
        return code == EPT_S_NOT_REGISTERED.code || code == WIN32_EPT_S_NOT_REGISTERED.code;
    }

    /** @return e.g. {@code 0x16c9a0d6 (ept_s_not_registered)} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "0x%08x (%s)", code, name);
    }
}
