package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.RpcInterfaceId;
import java.util.ArrayList;
import java.util.List;

/**
 * A bind_ack PDU (C706 12.6.4.4, MS-RPCE 2.2.2.4): the server's fragment sizes, association
 * group, secondary address (the port, as a string) and one result per offered context.
 *
 * @param maxXmitFrag the largest fragment the server sends
 * @param maxRecvFrag the largest fragment the server accepts
 * @param assocGroupId the association group
 * @param secondaryAddress e.g. {@code 135}
 * @param results one per presentation context
 */
public record BindAckPdu(int maxXmitFrag, int maxRecvFrag, long assocGroupId, String secondaryAddress,
                         List<Result> results) {
    /** Secondary addresses are port numbers or pipe names: longer is corrupt. */
    private static final int MAX_SEC_ADDR = 256;
    /** A bind offers few contexts; more results are corrupt. */
    private static final int MAX_RESULTS = 16;

    /**
     * One context's result (C706 12.6.3.1 {@code p_result_t}).
     *
     * @param result 0 acceptance, 1 user rejection, 2 provider rejection (3 negotiate_ack, MS-RPCE)
     * @param reason why it was rejected, e.g. 1 abstract syntax not supported
     * @param transferSyntax the transfer syntax accepted
     */
    public record Result(int result, int reason, RpcInterfaceId transferSyntax) {
        /** @return whether the context was accepted */
        public boolean accepted() {
            return result == 0;
        }

        /** @return C706's words for the rejection reason */
        public String reasonText() {
            return switch (reason) {
                case 0 -> "reason not specified";
                case 1 -> "abstract syntax not supported";
                case 2 -> "proposed transfer syntaxes not supported";
                case 3 -> "local limit exceeded";
                default -> "reason " + reason;
            };
        }
    }

    /** Copies the results. */
    public BindAckPdu {
        results = List.copyOf(results);
    }

    /**
     * @param pdu a bind_ack PDU
     * @return the bind_ack
     * @throws RpcDecodeException when truncated or its counts pass their caps
     */
    public static BindAckPdu decode(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        int xmit = r.u16("max_xmit_frag");
        int recv = r.u16("max_recv_frag");
        long group = r.u32("assoc_group_id");
        int secLen = r.u16("sec_addr length");
        RpcDecodeException.expect(secLen <= MAX_SEC_ADDR, "sec_addr length %d exceeds %d", secLen, MAX_SEC_ADDR);
        String sec = Tower.text(r.bytes(secLen, "sec_addr"));
        r.align(4);
        int n = r.u8("n_results");
        RpcDecodeException.expect(n >= 1 && n <= MAX_RESULTS, "bind_ack has %d results", n);
        r.skip(3, "reserved");
        List<Result> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int result = r.u16("result");
            int reason = r.u16("reason");
            results.add(new Result(result, reason, RpcInterfaceId.fromPacked(r.uuid("transfer syntax"), r.u32("transfer version"))));
        }
        return new BindAckPdu(xmit, recv, group, sec, results);
    }
}
