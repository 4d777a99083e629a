package dev.portqry.protocols.tftp;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A data packet: {@code 03 | Block # | Data} with 0-512 bytes of data (RFC 1350 section 5,
 * figure 5-2; a larger block needs the blksize option of RFC 2348, which this client never asks for).
 *
 * @param block the block number, 1 for the first
 * @param data the block's bytes, at most {@link #MAX_DATA} (copied in and out)
 */
public record TftpData(int block, byte[] data) implements TftpPacket {
    /** The block size without options. */
    public static final int MAX_DATA = 512;

    /** Copies the data and checks the sizes. */
    public TftpData {
        if (block < 0 || block > 0xffff) {
            throw new IllegalArgumentException("block must be 0-65535, was " + block);
        }
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("data must be at most 512 bytes, was " + data.length);
        }
        data = data.clone();
    }

    /**
     * @param in a whole DATA packet, read entirely
     * @return the block
     * @throws ProtocolDecodeException when it is short or longer than a block
     */
    public static TftpData decode(ByteBuf in) {
        TftpPacket.expectOpcode(in, TftpOpcode.DATA);
        ProtocolDecodeException.check(in.readableBytes() >= 2, TftpResponder.PROTOCOL, "DATA packet without block number");
        int block = in.readUnsignedShort();
        ProtocolDecodeException.check(in.readableBytes() <= MAX_DATA, TftpResponder.PROTOCOL,
                "DATA block of %d bytes exceeds %d", in.readableBytes(), MAX_DATA);
        byte[] data = new byte[in.readableBytes()];
        in.readBytes(data);
        return new TftpData(block, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public TftpOpcode opcode() {
        return TftpOpcode.DATA;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShort(TftpOpcode.DATA.code());
        out.writeShort(block);
        out.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TftpData d && d.block == block && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return block * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DATA[block " + block + ", " + data.length + " bytes]";
    }
}
