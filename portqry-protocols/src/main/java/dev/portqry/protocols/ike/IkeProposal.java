package dev.portqry.protocols.ike;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A proposal of an SA payload (RFC 7296 section 3.3.1): a number, a protocol (1 = IKE), and its
 * transforms. IKE_SA_INIT proposals carry no SPI.
 *
 * @param number the proposal number, from 1
 * @param protocolId 1 for IKE, 2 AH, 3 ESP
 * @param spiSize the size of the SPI that followed (skipped), 0 for IKE_SA_INIT
 * @param transforms the transforms, not empty
 */
public record IkeProposal(int number, int protocolId, int spiSize, List<IkeTransform> transforms) {
    /** Most transforms decoded from one proposal. */
    public static final int MAX_TRANSFORMS = 64;
    private static final int HEADER = 8;

    /** Copies the transforms. */
    public IkeProposal {
        transforms = List.copyOf(transforms);
    }

    /**
     * Decodes one proposal.
     *
     * @param in the SA payload's body; the reader index moves past the proposal
     * @return the proposal and whether more follow
     * @throws ProtocolDecodeException when its lengths or counts are inconsistent
     */
    public static Decoded decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= HEADER, IkeResponder.PROTOCOL, "proposal needs %d bytes, %d left",
                HEADER, in.readableBytes());
        int last = in.readUnsignedByte();
        in.skipBytes(1);
        int length = in.readUnsignedShort();
        ProtocolDecodeException.check(length >= HEADER && length - 4 <= in.readableBytes(), IkeResponder.PROTOCOL,
                "proposal length %d outside %d-%d", length, HEADER, in.readableBytes() + 4);
        ProtocolDecodeException.check(last == 0 || last == 2, IkeResponder.PROTOCOL, "proposal Last Substruc %d", last);
        ByteBuf body = in.readSlice(length - 4);
        int number = body.readUnsignedByte();
        int protocol = body.readUnsignedByte();
        int spiSize = body.readUnsignedByte();
        int count = body.readUnsignedByte();
        ProtocolDecodeException.check(spiSize <= body.readableBytes(), IkeResponder.PROTOCOL, "SPI size %d past the proposal", spiSize);
        body.skipBytes(spiSize);
        List<IkeTransform> transforms = new ArrayList<>();
        boolean more = count > 0;
        while (more) {
            ProtocolDecodeException.check(transforms.size() < Math.min(count, MAX_TRANSFORMS), IkeResponder.PROTOCOL,
                    "more transforms than the %d announced (cap %d)", count, MAX_TRANSFORMS);
            IkeTransform.Decoded t = IkeTransform.decode(body);
            transforms.add(t.transform());
            more = t.more();
        }
        ProtocolDecodeException.check(transforms.size() == count && !body.isReadable(), IkeResponder.PROTOCOL,
                "proposal announces %d transforms, holds %d and %d stray bytes", count, transforms.size(), body.readableBytes());
        return new Decoded(new IkeProposal(number, protocol, spiSize, transforms), last == 2);
    }

    /**
     * Writes the proposal (without SPI).
     *
     * @param out the buffer to write to, not null
     * @param more whether another proposal follows
     */
    public void encode(ByteBuf out, boolean more) {
        int start = out.writerIndex();
        out.writeByte(more ? 2 : 0).writeByte(0).writeShort(0);
        out.writeByte(number).writeByte(protocolId).writeByte(0).writeByte(transforms.size());
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).encode(out, i < transforms.size() - 1);
        }
        out.setShort(start + 2, out.writerIndex() - start);
    }

    @Override
    public String toString() {
        return "#" + number + " " + transforms.stream().map(IkeTransform::toString).collect(Collectors.joining("/"));
    }

    /** A decoded proposal and its Last Substruc flag. */
    public record Decoded(IkeProposal proposal, boolean more) {
    }
}
