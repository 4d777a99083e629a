package dev.portqry.protocols.smb.internal;

import dev.portqry.protocols.smb.SmbDialect;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.UUID;

/**
 * The SMB2 NEGOTIATE request the probe sends (MS-SMB2 section 2.2.3): dialects 2.0.2 to 3.1.1,
 * signing enabled but not required, and the two 3.1.1 negotiate contexts a server requires
 * when it picks 3.1.1: pre-authentication integrity with SHA-512 (2.2.3.1.1) and encryption
 * AES-128-GCM / AES-128-CCM (2.2.3.1.2). All integers are little-endian.
 *
 * @param clientGuid the client GUID
 * @param salt the 32-byte pre-authentication integrity salt
 * @param messageId the header's MessageId: 0 when it opens the connection, 1 after a
 *     multi-protocol negotiate (MS-SMB2 3.2.5.2)
 */
public record Smb2NegotiateRequest(UUID clientGuid, byte[] salt, long messageId) {
    /** The dialects offered, oldest first (MS-SMB2 2.2.3). */
    private static final SmbDialect[] OFFERED = {SmbDialect.SMB_2_0_2, SmbDialect.SMB_2_1, SmbDialect.SMB_3_0,
            SmbDialect.SMB_3_0_2, SmbDialect.SMB_3_1_1};
    /** SMB2 header: ProtocolId, StructureSize 64 (2.2.1). */
    public static final int HEADER_SIZE = 64;
    /** NEGOTIATE request body StructureSize: 36, whatever the dialect count (2.2.3). */
    private static final int BODY_SIZE = 36;
    /** SMB2_NEGOTIATE_SIGNING_ENABLED (2.2.3 SecurityMode). */
    private static final int SIGNING_ENABLED = 0x0001;
    /** What a 3.x client offers: DFS, leasing, large MTU, multi-channel, persistent handles, directory leasing, encryption. */
    private static final int CLIENT_CAPABILITIES = 0x7f;
    static final int PREAUTH_INTEGRITY_CAPABILITIES = 0x0001;
    static final int ENCRYPTION_CAPABILITIES = 0x0002;
    static final int SHA_512 = 0x0001;
    static final int AES_128_CCM = 0x0001;
    static final int AES_128_GCM = 0x0002;

    /** Checks the arguments and copies the salt. */
    public Smb2NegotiateRequest {
        Objects.requireNonNull(clientGuid, "clientGuid");
        if (messageId < 0) {
            throw new IllegalArgumentException("messageId must not be negative, was " + messageId);
        }
        if (salt.length != 32) {
            throw new IllegalArgumentException("salt must be 32 bytes, was " + salt.length);
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * Writes the request framed for TCP: the 4-byte header of MS-SMB2 2.1 (a zero byte and a
     * 24-bit big-endian length), which is also a NetBIOS SESSION MESSAGE (RFC 1002 4.3.6) on 139.
     *
     * @param out the buffer to append to, not null
     */
    public void writeTo(ByteBuf out) {
        int frame = out.writerIndex();
        out.writeInt(0);
        int smb = out.writerIndex();
        writeHeader(out, messageId);
        int dialectsEnd = HEADER_SIZE + BODY_SIZE + 2 * OFFERED.length;
        int contextOffset = align8(dialectsEnd);
        out.writeShortLE(BODY_SIZE);
        out.writeShortLE(OFFERED.length);
        out.writeShortLE(SIGNING_ENABLED);
        out.writeShortLE(0);                        // Reserved
        out.writeIntLE(CLIENT_CAPABILITIES);
        writeGuid(out, clientGuid);
        out.writeIntLE(contextOffset);              // NegotiateContextOffset, from the start of the SMB2 header
        out.writeShortLE(2);                        // NegotiateContextCount
        out.writeShortLE(0);                        // Reserved2
        for (SmbDialect d : OFFERED) {
            out.writeShortLE(d.code());
        }
        out.writeZero(contextOffset - dialectsEnd);
        // 2.2.3.1.1: HashAlgorithmCount, SaltLength, HashAlgorithms, Salt.
        writeContextHeader(out, PREAUTH_INTEGRITY_CAPABILITIES, 2 + 2 + 2 + salt.length);
        out.writeShortLE(1);
        out.writeShortLE(salt.length);
        out.writeShortLE(SHA_512);
        out.writeBytes(salt);
        out.writeZero(align8(out.writerIndex() - smb) - (out.writerIndex() - smb));  // 2.2.3.1: contexts start 8-aligned
        // 2.2.3.1.2: CipherCount, Ciphers in order of preference.
        writeContextHeader(out, ENCRYPTION_CAPABILITIES, 2 + 2 * 2);
        out.writeShortLE(2);
        out.writeShortLE(AES_128_GCM);
        out.writeShortLE(AES_128_CCM);
        out.setInt(frame, out.writerIndex() - smb);
    }

    /** The SYNC header of 2.2.1.2 for command NEGOTIATE, asking for one credit. */
    private static void writeHeader(ByteBuf out, long messageId) {
        out.writeByte(0xfe).writeByte('S').writeByte('M').writeByte('B');
        out.writeShortLE(HEADER_SIZE);
        out.writeShortLE(0);      // CreditCharge
        out.writeIntLE(0);        // Status / ChannelSequence
        out.writeShortLE(0);      // Command: NEGOTIATE
        out.writeShortLE(1);      // CreditRequest
        out.writeIntLE(0);        // Flags: a request
        out.writeIntLE(0);        // NextCommand
        out.writeLongLE(messageId); // MessageId: the reply must echo it
        out.writeIntLE(0);        // Reserved (ProcessId)
        out.writeIntLE(0);        // TreeId
        out.writeLongLE(0);       // SessionId
        out.writeZero(16);        // Signature
    }

    private static void writeContextHeader(ByteBuf out, int type, int dataLength) {
        out.writeShortLE(type);
        out.writeShortLE(dataLength);
        out.writeIntLE(0);
    }

    /** A GUID as MS-DTYP 2.3.4.2 lays it out: Data1-3 little-endian, Data4 as bytes. */
    public static void writeGuid(ByteBuf out, UUID guid) {
        long hi = guid.getMostSignificantBits();
        out.writeIntLE((int) (hi >>> 32));
        out.writeShortLE((int) (hi >>> 16));
        out.writeShortLE((int) hi);
        out.writeLong(guid.getLeastSignificantBits());
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    @Override
    public String toString() {
        return "SMB2 NEGOTIATE dialects 2.0.2-3.1.1 client GUID " + clientGuid;
    }
}
