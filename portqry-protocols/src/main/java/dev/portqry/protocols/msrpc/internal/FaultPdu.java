package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.RpcStatus;

/**
 * A fault PDU (C706 12.6.4.7, MS-RPCE 2.2.2.11): the call failed with a status.
 *
 * @param callId the failed call
 * @param status the fault status, e.g. {@code nca_s_op_rng_error}
 * @param didNotExecute whether the server says the call did not run
 */
public record FaultPdu(long callId, RpcStatus status, boolean didNotExecute) {

    /**
     * @param pdu a fault PDU
     * @return the fault
     */
    public static FaultPdu decode(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        r.u32("alloc_hint");
        r.u16("p_cont_id");
        r.skip(2, "cancel_count");
        RpcStatus status = RpcStatus.valueOf(r.u32("status"));
        return new FaultPdu(pdu.header().callId(), status, (pdu.header().flags() & CoHeader.PFC_DID_NOT_EXECUTE) != 0);
    }
}
