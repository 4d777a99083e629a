package dev.portqry.protocols.tftp;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.tftp.internal.TftpStrings;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * An error packet: {@code 05 | ErrorCode | ErrMsg | 0} (RFC 1350 section 5, figure 5-4).
 *
 * @param code the error code, not null
 * @param message the error text, possibly empty, not null
 */
public record TftpError(TftpErrorCode code, String message) implements TftpPacket {

    /** Checks for nulls. */
    public TftpError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @param in a whole ERROR packet, read entirely
     * @return the error
     * @throws ProtocolDecodeException when it is short, its text is not terminated, or bytes follow it
     */
    public static TftpError decode(ByteBuf in) {
        TftpPacket.expectOpcode(in, TftpOpcode.ERROR);
        ProtocolDecodeException.check(in.readableBytes() >= 2, TftpResponder.PROTOCOL, "ERROR packet without error code");
        TftpErrorCode code = TftpErrorCode.valueOf(in.readUnsignedShort());
        String message = TftpStrings.read(in, "error message");
        ProtocolDecodeException.check(!in.isReadable(), TftpResponder.PROTOCOL, "%d bytes after the error message",
                in.readableBytes());
        return new TftpError(code, message);
    }

    @Override
    public TftpOpcode opcode() {
        return TftpOpcode.ERROR;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShort(TftpOpcode.ERROR.code());
        out.writeShort(code.code());
        TftpStrings.write(out, message);
    }

    @Override
    public String toString() {
        return "ERROR[" + code + ", '" + message + "']";
    }
}
