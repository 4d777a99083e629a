package dev.portqry.protocols.tftp;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.tftp.internal.TftpStrings;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A read request, RRQ: {@code 01 | filename | 0 | mode | 0} (RFC 1350 section 5, figure 5-1).
 *
 * @param fileName the file asked for, printable ASCII, not null
 * @param mode {@code octet} or {@code netascii}, not null
 */
public record TftpReadRequest(String fileName, String mode) implements TftpPacket {
    /** The transfer mode this client asks for: raw bytes. */
    public static final String OCTET = "octet";

    /** Checks the strings fit a request. */
    public TftpReadRequest {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mode, "mode");
        if (!isValidFileName(fileName)) {
            throw new IllegalArgumentException("fileName must be 1-512 printable ASCII characters without spaces, was '" + fileName + "'");
        }
    }

    /**
     * @param in a whole RRQ packet, read entirely
     * @return the request
     * @throws ProtocolDecodeException when malformed
     */
    public static TftpReadRequest decode(ByteBuf in) {
        TftpPacket.expectOpcode(in, TftpOpcode.RRQ);
        String name = TftpStrings.read(in, "file name");
        String mode = TftpStrings.read(in, "mode");
        // A request from the wire (our own reflected, or a peer's) is not trusted to fit the constructor's rules.
        ProtocolDecodeException.check(isValidFileName(name), TftpResponder.PROTOCOL,
                "file name of %d characters is empty, too long or not printable ASCII", name.length());
        // RFC 2347 options may follow the mode; a client's own request never carries them here.
        in.skipBytes(in.readableBytes());
        return new TftpReadRequest(name, mode);
    }

    static boolean isValidFileName(String name) {
        return !name.isEmpty() && name.length() <= TftpStrings.MAX_STRING_BYTES && name.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    @Override
    public TftpOpcode opcode() {
        return TftpOpcode.RRQ;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShort(TftpOpcode.RRQ.code());
        TftpStrings.write(out, fileName);
        TftpStrings.write(out, mode);
    }

    @Override
    public String toString() {
        return "RRQ[" + fileName + ", " + mode + "]";
    }
}
