package dev.portqry.protocols.smb.internal;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The multi-protocol SMB_COM_NEGOTIATE the probe opens with (MS-SMB2 section 3.2.4.2.2.1,
 * MS-CIFS 2.2.4.52.1): an SMB1 request offering "NT LM 0.12", "SMB 2.002" and "SMB 2.???".
 * An SMB2 server answers with an SMB2 NEGOTIATE response (dialect 0x02FF asks for a proper
 * SMB2 NEGOTIATE next, MS-SMB2 3.3.5.3.1); a server that speaks only SMB1 answers in SMB1. A
 * plain SMB2 NEGOTIATE would not tell them apart: an SMB1-only Samba just closes the connection.
 */
public final class Smb1NegotiateRequest {
    /** SMB_COM_NEGOTIATE. */
    public static final int COMMAND = 0x72;
    /** The dialect strings, in the order the DialectIndex of an SMB1 answer counts them. */
    public static final String[] DIALECTS = {"NT LM 0.12", "SMB 2.002", "SMB 2.???"};
    /** SMB1 header size (MS-CIFS 2.2.3.1). */
    public static final int HEADER_SIZE = 32;
    /** FLAGS: case-insensitive paths, canonicalized paths (what Windows clients send). */
    private static final int FLAGS = 0x18;
    /** FLAGS2: long names, extended attributes, security signatures, extended security, NT status, Unicode. */
    private static final int FLAGS2 = 0xc853;
    /** Buffer format byte before each dialect string (MS-CIFS 2.2.4.52.1). */
    private static final int DIALECT_BUFFER_FORMAT = 0x02;

    private Smb1NegotiateRequest() {
    }

    /**
     * Writes the request with its 4-byte transport header (MS-SMB2 2.1 / RFC 1002 4.3.6).
     *
     * @param out the buffer to append to, not null
     */
    public static void writeTo(ByteBuf out) {
        int frame = out.writerIndex();
        out.writeInt(0);
        int smb = out.writerIndex();
        out.writeByte(0xff).writeByte('S').writeByte('M').writeByte('B');
        out.writeByte(COMMAND);
        out.writeIntLE(0);          // Status
        out.writeByte(FLAGS);
        out.writeShortLE(FLAGS2);
        out.writeShortLE(0);        // PIDHigh
        out.writeZero(8);           // SecurityFeatures
        out.writeShortLE(0);        // Reserved
        out.writeShortLE(0xffff);   // TID: none yet
        out.writeShortLE(0xfeff);   // PIDLow
        out.writeShortLE(0);        // UID
        out.writeShortLE(0);        // MID
        out.writeByte(0);           // WordCount: no parameters
        int byteCount = out.writerIndex();
        out.writeShortLE(0);
        for (String d : DIALECTS) {
            out.writeByte(DIALECT_BUFFER_FORMAT);
            out.writeBytes(d.getBytes(StandardCharsets.US_ASCII));
            out.writeByte(0);
        }
        out.setShortLE(byteCount, out.writerIndex() - byteCount - 2);
        out.setInt(frame, out.writerIndex() - smb);
    }

    @Override
    public String toString() {
        return "SMB_COM_NEGOTIATE " + String.join(", ", DIALECTS);
    }
}
