package dev.portqry.protocols.ike.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ike.IkeExchangeType;
import dev.portqry.protocols.ike.IkeResponder;
import io.netty.buffer.ByteBuf;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fixed IKE header (RFC 7296 section 3.1; the same layout as ISAKMP's, RFC 2408 section 3.1).
 *
 * @param initiatorSpi the initiator's SPI (IKEv1: cookie)
 * @param responderSpi the responder's SPI, 0 in a first request
 * @param nextPayload the type of the first payload
 * @param majorVersion 2 for IKEv2, 1 for IKEv1
 * @param minorVersion the minor version, 0
 * @param exchangeType the exchange, not null
 * @param flags the flag bits: {@link #INITIATOR}, {@link #RESPONSE}
 * @param messageId the message ID
 * @param length the whole message's length in bytes
 */
public record IkeHeader(long initiatorSpi, long responderSpi, int nextPayload, int majorVersion, int minorVersion,
                        IkeExchangeType exchangeType, int flags, long messageId, long length) {
    /** Bytes of the header. */
    public static final int LENGTH = 28;
    /** Flag I: sent by the original initiator of the IKE SA. */
    public static final int INITIATOR = 0x08;
    /** Flag R: this message is a response. */
    public static final int RESPONSE = 0x20;

    /** Checks for nulls. */
    public IkeHeader {
        Objects.requireNonNull(exchangeType, "exchangeType");
    }

    /**
     * @param in the message; the reader index moves past the header
     * @return the header
     * @throws ProtocolDecodeException when fewer than 28 bytes are there
     */
    public static IkeHeader decode(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= LENGTH, IkeResponder.PROTOCOL, "%d bytes, the header needs %d",
                in.readableBytes(), LENGTH);
        long ispi = in.readLong();
        long rspi = in.readLong();
        int next = in.readUnsignedByte();
        int version = in.readUnsignedByte();
        IkeExchangeType exchange = IkeExchangeType.valueOf(in.readUnsignedByte());
        int flags = in.readUnsignedByte();
        long id = in.readUnsignedInt();
        long length = in.readUnsignedInt();
        return new IkeHeader(ispi, rspi, next, version >> 4, version & 0x0f, exchange, flags, id, length);
    }

    /**
     * @param out the buffer to write to, not null
     */
    public void encode(ByteBuf out) {
        out.writeLong(initiatorSpi).writeLong(responderSpi).writeByte(nextPayload);
        out.writeByte(majorVersion << 4 | minorVersion).writeByte(exchangeType.code()).writeByte(flags);
        out.writeInt((int) messageId).writeInt((int) length);
    }

    /** @return whether the R flag is set */
    public boolean isResponse() {
        return (flags & RESPONSE) != 0;
    }

    /** @return the version as {@code major.minor} */
    public String version() {
        return majorVersion + "." + minorVersion;
    }

    /**
     * @param spi an SPI
     * @return its 16 hex digits
     */
    public static String hex(long spi) {
        return HexFormat.of().toHexDigits(spi);
    }

    @Override
    public String toString() {
        return "IKE " + version() + " " + exchangeType.name() + (isResponse() ? " response" : " request") + " [" + hex(initiatorSpi)
                + "/" + hex(responderSpi) + ", id " + messageId + ", " + length + " bytes]";
    }
}
