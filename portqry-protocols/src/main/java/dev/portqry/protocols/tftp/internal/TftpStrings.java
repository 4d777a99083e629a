package dev.portqry.protocols.tftp.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.tftp.TftpResponder;
import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/** TFTP's zero-terminated netascii strings (RFC 1350 section 5). */
public final class TftpStrings {
    /** Longest string accepted: a whole 512-byte block is the most a sane server sends. */
    public static final int MAX_STRING_BYTES = 512;

    private TftpStrings() {
    }

    /**
     * @param in the packet; the reader index moves past the string and its zero byte
     * @param what the field, for the error message
     * @return the string as sent, each byte one character (ISO-8859-1)
     * @throws ProtocolDecodeException when no zero byte ends it within {@link #MAX_STRING_BYTES}
     */
    public static String read(ByteBuf in, String what) {
        int window = Math.min(in.readableBytes(), MAX_STRING_BYTES + 1);
        int zero = in.forEachByte(in.readerIndex(), window, ByteProcessor.FIND_NUL);
        ProtocolDecodeException.check(zero >= 0, TftpResponder.PROTOCOL, "%s is not zero-terminated within %d bytes",
                what, Math.min(window, MAX_STRING_BYTES));
        // Kept as sent, one character per byte (renderers escape controls with SafeText).
        String s = in.toString(in.readerIndex(), zero - in.readerIndex(), StandardCharsets.ISO_8859_1);
        in.readerIndex(zero + 1);
        return s;
    }

    public static void write(ByteBuf out, String s) {
        out.writeCharSequence(s, StandardCharsets.US_ASCII);
        out.writeByte(0);
    }
}
