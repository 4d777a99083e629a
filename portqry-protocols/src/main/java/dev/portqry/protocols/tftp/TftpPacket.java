package dev.portqry.protocols.tftp;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;

/** A TFTP packet (RFC 1350 section 5): a two-byte opcode, then the opcode's fields. */
public sealed interface TftpPacket permits TftpReadRequest, TftpData, TftpError {

    /** @return the packet's opcode */
    TftpOpcode opcode();

    /**
     * Writes the whole packet, opcode first.
     *
     * @param out the buffer to write to, not null
     */
    void encode(ByteBuf out);

    /**
     * Decodes one datagram's payload.
     *
     * @param in the payload, not null; read entirely
     * @return the packet
     * @throws ProtocolDecodeException when the packet is short, an opcode this client never
     *         expects, or has bytes past its end
     */
    static TftpPacket decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= 2, TftpResponder.PROTOCOL,
                "packet of %d bytes has no opcode", in.readableBytes());
        TftpOpcode op = TftpOpcode.valueOf(in.getUnsignedShort(in.readerIndex()));
        if (op.equals(TftpOpcode.DATA)) {
            return TftpData.decode(in);
        }
        if (op.equals(TftpOpcode.ERROR)) {
            return TftpError.decode(in);
        }
        if (op.equals(TftpOpcode.RRQ)) {
            return TftpReadRequest.decode(in);
        }
        throw new ProtocolDecodeException(TftpResponder.PROTOCOL, "unexpected opcode " + op);
    }

    /** Reads and checks the opcode that starts a packet. */
    static void expectOpcode(ByteBuf in, TftpOpcode expected) {
        ProtocolDecodeException.check(in.readableBytes() >= 2, TftpResponder.PROTOCOL, "packet has no opcode");
        int code = in.readUnsignedShort();
        ProtocolDecodeException.check(code == expected.code(), TftpResponder.PROTOCOL, "expected opcode %s, was %s",
                expected, TftpOpcode.valueOf(code));
    }
}
