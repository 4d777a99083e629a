package dev.portqry.protocols.smb.internal;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A NetBIOS SESSION REQUEST packet (RFC 1002 section 4.3.2), which TCP 139 needs before any
 * SMB. {@code *SMBSERVER} as the called name is accepted by Windows and Samba whatever their
 * NetBIOS name is, so the probe needs no name lookup.
 *
 * @param calledName the server's NetBIOS name, at most 15 characters
 * @param callingName our NetBIOS name, at most 15 characters
 */
public record NetbiosSessionRequest(String calledName, String callingName) {
    /** The wildcard server name (MS-SMB 3.2.4.2.1 via the *SMBSERVER convention). */
    public static final String ANY_SERVER = "*SMBSERVER";
    /** Packet type SESSION REQUEST (RFC 1002 4.3.1). */
    static final int TYPE = 0x81;
    /** Suffix byte of the file server service and of a workstation. */
    private static final int SERVER_SUFFIX = 0x20;
    private static final int WORKSTATION_SUFFIX = 0x00;
    /** An encoded name: length 32, 32 half-byte letters, root label terminator (RFC 1001 14.1). */
    private static final int ENCODED_NAME_BYTES = 34;

    /** Checks the names. */
    public NetbiosSessionRequest {
        Objects.requireNonNull(calledName, "calledName");
        Objects.requireNonNull(callingName, "callingName");
        if (calledName.isEmpty() || calledName.length() > 15 || callingName.isEmpty() || callingName.length() > 15) {
            throw new IllegalArgumentException("NetBIOS names must be 1-15 characters, were " + calledName + " and " + callingName);
        }
    }

    /** @param out the buffer to append the 72-byte packet to, not null */
    public void writeTo(ByteBuf out) {
        out.writeByte(TYPE);
        out.writeByte(0);                       // flags: no length extension
        out.writeShort(2 * ENCODED_NAME_BYTES); // length of the two names
        writeName(out, calledName, SERVER_SUFFIX);
        writeName(out, callingName, WORKSTATION_SUFFIX);
    }

    /** First-level encoding (RFC 1001 section 14.1): pad to 15 with spaces, add the suffix, split each byte into two letters 'A'+nibble. */
    private static void writeName(ByteBuf out, String name, int suffix) {
        byte[] raw = new byte[16];
        byte[] ascii = name.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 15; i++) {
            raw[i] = i < ascii.length ? ascii[i] : (byte) ' ';
        }
        raw[15] = (byte) suffix;
        out.writeByte(32);
        for (byte b : raw) {
            out.writeByte('A' + ((b >> 4) & 0x0f));
            out.writeByte('A' + (b & 0x0f));
        }
        out.writeByte(0);
    }

    @Override
    public String toString() {
        return "NetBIOS SESSION REQUEST to " + calledName + " from " + callingName;
    }
}
