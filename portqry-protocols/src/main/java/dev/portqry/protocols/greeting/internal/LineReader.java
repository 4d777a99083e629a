package dev.portqry.protocols.greeting.internal;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/**
 * Splits the cumulated TCP stream into text lines. Lines end in CRLF (RFC 5321 section 2.3.8,
 * RFC 959 section 4.2, RFC 1939 section 3, RFC 9051 section 2.2); a bare LF is accepted too,
 * as servers send it. Lines are kept as sent (control characters included): whoever renders them
 * escapes them with {@link dev.portqry.core.SafeText}.
 */
public final class LineReader {
    /**
     * Longest line accepted: far above RFC 5321's 512-octet reply line (section 4.5.3.1.5), so
     * that only garbage without line ends hits it.
     */
    public static final int MAX_LINE_BYTES = 4096;

    private LineReader() {
    }

    /**
     * Reads one line when a whole one is buffered.
     *
     * @param in the stream; its reader index moves past the line only when one is returned
     * @param protocol the protocol name for errors
     * @return the line without its terminator, or null when no line end has arrived yet
     * @throws ProtocolDecodeException when {@link #MAX_LINE_BYTES} arrived without a line end
     */
    public static String readLine(ByteBuf in, String protocol) {
        int window = Math.min(in.readableBytes(), MAX_LINE_BYTES + 2);
        int lf = in.forEachByte(in.readerIndex(), window, ByteProcessor.FIND_LF);
        if (lf < 0) {
            ProtocolDecodeException.check(in.readableBytes() <= MAX_LINE_BYTES, protocol,
                    "no line end within %d bytes", MAX_LINE_BYTES);
            return null;
        }
        int end = lf;
        if (end > in.readerIndex() && in.getByte(end - 1) == '\r') {
            end--;
        }
        ProtocolDecodeException.check(end - in.readerIndex() <= MAX_LINE_BYTES, protocol,
                "line longer than %d bytes", MAX_LINE_BYTES);
        String line = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(lf + 1);
        return line;
    }
}
