package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.RpcInterfaceId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The server's half of the endpoint-mapper codec, which only test peers and golden tests need:
 * decoding the client's requests and encoding the server's replies (C706 chapter 12, appendix O).
 * It lives in test sources so that the library ships no code that only tests run.
 */
public final class EpmServerCodec {
    private EpmServerCodec() {
    }

    /**
     * @param pdu a bind PDU
     * @return its first presentation context and that context's first transfer syntax
     */
    public static BindPdu decodeBind(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        int xmit = r.u16("max_xmit_frag");
        int recv = r.u16("max_recv_frag");
        r.u32("assoc_group_id");
        int contexts = r.u8("n_context_elem");
        RpcDecodeException.expect(contexts >= 1, "bind offers no presentation context");
        r.skip(3, "reserved");
        int ctx = r.u16("p_cont_id");
        int syntaxes = r.u8("n_transfer_syn");
        RpcDecodeException.expect(syntaxes >= 1, "bind context offers no transfer syntax");
        r.skip(1, "reserved");
        RpcInterfaceId abs = RpcInterfaceId.fromPacked(r.uuid("abstract syntax"), r.u32("abstract version"));
        RpcInterfaceId ts = RpcInterfaceId.fromPacked(r.uuid("transfer syntax"), r.u32("transfer version"));
        return new BindPdu(pdu.header().callId(), xmit, recv, ctx, abs, ts);
    }

    /**
     * @param pdu a one-fragment request PDU, with or without object UUID
     * @return the request
     */
    public static RequestPdu decodeRequest(CoPdu pdu) {
        NdrReader r = new NdrReader(pdu.bodyBuf(), pdu.header().littleEndian());
        r.u32("alloc_hint");
        int ctx = r.u16("p_cont_id");
        int opnum = r.u16("opnum");
        if ((pdu.header().flags() & CoHeader.PFC_OBJECT_UUID) != 0) {
            r.uuid("object");
        }
        return new RequestPdu(pdu.header().callId(), ctx, opnum, r.bytes(r.remaining(), "stub"));
    }

    /**
     * @param stub an {@code ept_lookup} request stub whose object and interface are null pointers
     * @param littleEndian the integer representation
     * @return the request
     */
    public static EptLookupRequest decodeLookup(ByteBuf stub, boolean littleEndian) {
        NdrReader r = new NdrReader(stub, littleEndian);
        long inquiry = r.u32("inquiry_type");
        RpcDecodeException.expect(r.u32("object pointer") == 0 && r.u32("interface pointer") == 0,
                "only lookups without object and interface are decoded");
        long vers = r.u32("vers_option");
        EptHandle h = EptHandle.read(r);
        long max = r.u32("max_ents");
        RpcDecodeException.expect(max >= 1 && max <= EptLookupRequest.MAX_ENTRIES, "max_ents %d is not 1-500", max);
        return new EptLookupRequest(inquiry, vers, h, (int) max);
    }

    /**
     * @param stub an {@code ept_map} request stub
     * @param littleEndian the integer representation
     * @return the request
     */
    public static EptMapRequest decodeMap(ByteBuf stub, boolean littleEndian) {
        NdrReader r = new NdrReader(stub, littleEndian);
        if (r.u32("object pointer") != 0) {
            r.uuid("object");
        }
        RpcDecodeException.expect(r.u32("map_tower pointer") != 0, "map_tower is a null pointer");
        byte[] tower = TwrCodec.read(r);
        EptHandle h = EptHandle.read(r);
        long max = r.u32("max_towers");
        RpcDecodeException.expect(max >= 1 && max <= EptLookupRequest.MAX_ENTRIES, "max_towers %d is not 1-500", max);
        return new EptMapRequest(tower, h, (int) max);
    }

    /**
     * Encodes an {@code ept_lookup} response stub as a server would.
     *
     * @param r the response
     * @param out where the stub goes
     * @param maxCount the conformance, i.e. the request's {@code max_ents}
     */
    public static void write(EptLookupResponse r, ByteBuf out, int maxCount) {
        NdrWriter w = new NdrWriter(out);
        r.handle().writeTo(w);
        w.u32(r.entries().size()).u32(maxCount).u32(0).u32(r.entries().size());
        int referent = 1;
        for (EptEntry e : r.entries()) {
            byte[] ann = (e.annotation() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            w.uuid(e.object()).u32(e.tower() == null ? 0 : referent++).u32(0).u32(ann.length).bytes(ann);
        }
        for (EptEntry e : r.entries()) {
            if (e.tower() != null) {
                TwrCodec.write(w, e.tower());
            }
        }
        w.u32(r.status().code());
    }

    /**
     * Encodes an {@code ept_map} response stub as a server would.
     *
     * @param r the response
     * @param out where the stub goes
     * @param maxCount the request's {@code max_towers}
     */
    public static void write(EptMapResponse r, ByteBuf out, int maxCount) {
        NdrWriter w = new NdrWriter(out);
        r.handle().writeTo(w);
        w.u32(r.towers().size()).u32(maxCount).u32(0).u32(r.towers().size());
        // Referent ids continue after the request's two pointers, as Samba numbers them; Wireshark's
        // dissector mistakes a response referent id 1 for the request's object pointer.
        for (int i = 0; i < r.towers().size(); i++) {
            w.u32(i + 3);
        }
        for (byte[] t : r.towers()) {
            TwrCodec.write(w, t);
        }
        w.u32(r.status().code());
    }

    /**
     * @param ack the bind_ack
     * @param alloc the allocator
     * @param callId the bind's call id
     * @return the PDU; the caller owns it
     */
    public static ByteBuf encode(BindAckPdu ack, ByteBufAllocator alloc, long callId) {
        return CoPdu.encode(alloc, CoPduType.BIND_ACK, CoHeader.PFC_FIRST_FRAG | CoHeader.PFC_LAST_FRAG, callId, out -> {
            NdrWriter w = new NdrWriter(out);
            byte[] sec = (ack.secondaryAddress() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            w.u16(ack.maxXmitFrag()).u16(ack.maxRecvFrag()).u32(ack.assocGroupId()).u16(sec.length).bytes(sec).align(4);
            w.u8(ack.results().size()).u8(0).u16(0);
            for (BindAckPdu.Result res : ack.results()) {
                w.u16(res.result()).u16(res.reason()).uuid(res.transferSyntax().uuid()).u32(res.transferSyntax().packedVersion());
            }
        });
    }

    /**
     * @param fault the fault
     * @param alloc the allocator
     * @return the PDU; the caller owns it
     */
    public static ByteBuf encode(FaultPdu fault, ByteBufAllocator alloc) {
        int flags = CoHeader.PFC_FIRST_FRAG | CoHeader.PFC_LAST_FRAG | (fault.didNotExecute() ? CoHeader.PFC_DID_NOT_EXECUTE : 0);
        return CoPdu.encode(alloc, CoPduType.FAULT, flags, fault.callId(), out ->
                out.writeIntLE(0).writeShortLE(0).writeShortLE(0).writeIntLE((int) fault.status().code()).writeIntLE(0));
    }

    /**
     * @param alloc the allocator
     * @param flags first/last fragment flags
     * @param callId the call id
     * @param allocHint the whole stub's size
     * @param stub this fragment's stub bytes
     * @return one response fragment; the caller owns it
     */
    public static ByteBuf response(ByteBufAllocator alloc, int flags, long callId, long allocHint, byte[] stub) {
        return CoPdu.encode(alloc, CoPduType.RESPONSE, flags, callId, out ->
                out.writeIntLE((int) allocHint).writeShortLE(0).writeShortLE(0).writeBytes(stub));
    }
}
