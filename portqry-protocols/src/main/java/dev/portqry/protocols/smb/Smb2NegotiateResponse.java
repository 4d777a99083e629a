package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.smb.internal.Smb2NegotiateRequest;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's SMB2 NEGOTIATE response (MS-SMB2 section 2.2.4), or the error a server sent in
 * its place (2.2.2), read from one whole SMB2 message.
 *
 * @param status the header's status; anything but success leaves the other fields zero or empty
 * @param securityMode SecurityMode bits: 1 signing enabled, 2 signing required
 * @param dialect the dialect the server chose
 * @param serverGuid the server's GUID
 * @param capabilities the capability bits ({@link SmbCapabilities})
 * @param maxTransactSize the largest transaction buffer, bytes
 * @param maxReadSize the largest read, bytes
 * @param maxWriteSize the largest write, bytes
 * @param systemTime the server's clock (FILETIME)
 * @param bootTime when the server started; empty when it sends 0 (Samba and recent Windows do)
 * @param securityBufferLength the size of the GSS/SPNEGO token offered
 * @param contexts the 3.1.1 negotiate contexts
 */
public record Smb2NegotiateResponse(NtStatus status, int securityMode, SmbDialect dialect, UUID serverGuid, int capabilities,
                                    long maxTransactSize, long maxReadSize, long maxWriteSize, Optional<Instant> systemTime,
                                    Optional<Instant> bootTime, int securityBufferLength, List<NegotiateContext> contexts) {
    static final String PROTOCOL = "SMB";
    /** SecurityMode SMB2_NEGOTIATE_SIGNING_ENABLED. */
    public static final int SIGNING_ENABLED = 0x01;
    /** SecurityMode SMB2_NEGOTIATE_SIGNING_REQUIRED. */
    public static final int SIGNING_REQUIRED = 0x02;

    private static final int RESPONSE_STRUCTURE_SIZE = 65;
    private static final int ERROR_STRUCTURE_SIZE = 9;
    private static final int FLAGS_SERVER_TO_REDIR = 0x01;
    /** Windows defines a handful of context types; more than this is not a real server. */
    private static final int MAX_CONTEXTS = 32;
    /** 100-ns intervals between 1601-01-01 and 1970-01-01 (MS-DTYP 2.3.3 FILETIME). */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    /** Checks for nulls and copies the list. */
    public Smb2NegotiateResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(serverGuid, "serverGuid");
        Objects.requireNonNull(systemTime, "systemTime");
        Objects.requireNonNull(bootTime, "bootTime");
        contexts = List.copyOf(contexts);
    }

    /** @return whether the server signs when asked (always true for SMB2 servers) */
    public boolean signingEnabled() {
        return (securityMode & SIGNING_ENABLED) != 0;
    }

    /** @return whether the server insists on signing (AD domain controllers do) */
    public boolean signingRequired() {
        return (securityMode & SIGNING_REQUIRED) != 0;
    }

    /**
     * @param message one whole SMB2 message, starting at its {@code 0xFE 'SMB'} header; read, not released
     * @param messageId the MessageId of the request it answers (0 for the multi-protocol negotiate)
     * @return the decoded response
     * @throws ProtocolDecodeException when it is not a well-formed NEGOTIATE response
     */
    static Smb2NegotiateResponse decode(ByteBuf message, long messageId) {
        int h = message.readerIndex();
        int size = message.readableBytes();
        check(size >= Smb2NegotiateRequest.HEADER_SIZE + ERROR_STRUCTURE_SIZE - 1, "SMB2 message of %d bytes is too short", size);
        check(message.getIntLE(h) == 0x424d53fe, "not an SMB2 header");
        check(message.getUnsignedShortLE(h + 4) == Smb2NegotiateRequest.HEADER_SIZE, "SMB2 header StructureSize is not 64");
        NtStatus status = NtStatus.valueOf(message.getIntLE(h + 8));
        int command = message.getUnsignedShortLE(h + 12);
        check(command == 0, "SMB2 command 0x%04x in answer to NEGOTIATE", command);
        check((message.getIntLE(h + 16) & FLAGS_SERVER_TO_REDIR) != 0, "SMB2 message is not flagged as a response");
        check(message.getLongLE(h + 24) == messageId, "SMB2 MessageId %d, the request's was %d", message.getLongLE(h + 24), messageId);
        int b = h + Smb2NegotiateRequest.HEADER_SIZE;
        int structureSize = message.getUnsignedShortLE(b);
        if (!status.isSuccess()) {
            check(structureSize == ERROR_STRUCTURE_SIZE, "error response StructureSize %d, expected 9", structureSize);
            return new Smb2NegotiateResponse(status, 0, SmbDialect.valueOf(0), new UUID(0, 0), 0, 0, 0, 0,
                    Optional.empty(), Optional.empty(), 0, List.of());
        }
        check(structureSize == RESPONSE_STRUCTURE_SIZE, "NEGOTIATE response StructureSize %d, expected 65", structureSize);
        check(size >= Smb2NegotiateRequest.HEADER_SIZE + RESPONSE_STRUCTURE_SIZE - 1, "NEGOTIATE response of %d bytes is truncated", size);
        int securityMode = message.getUnsignedShortLE(b + 2);
        SmbDialect dialect = SmbDialect.valueOf(message.getUnsignedShortLE(b + 4));
        int contextCount = message.getUnsignedShortLE(b + 6);
        UUID guid = readGuid(message, b + 8);
        int capabilities = message.getIntLE(b + 24);
        long maxTransact = message.getUnsignedIntLE(b + 28);
        long maxRead = message.getUnsignedIntLE(b + 32);
        long maxWrite = message.getUnsignedIntLE(b + 36);
        Optional<Instant> systemTime = filetime(message.getLongLE(b + 40));
        Optional<Instant> bootTime = filetime(message.getLongLE(b + 48));
        int securityOffset = message.getUnsignedShortLE(b + 56);
        int securityLength = message.getUnsignedShortLE(b + 58);
        if (securityLength > 0) {
            check(securityOffset >= Smb2NegotiateRequest.HEADER_SIZE && securityOffset + securityLength <= size,
                    "security buffer %d+%d outside the %d-byte message", securityOffset, securityLength, size);
        }
        List<NegotiateContext> contexts = new ArrayList<>();
        if (dialect.equals(SmbDialect.SMB_3_1_1)) {
            check(contextCount <= MAX_CONTEXTS, "%d negotiate contexts", contextCount);
            long offset = message.getUnsignedIntLE(b + 60);
            for (int i = 0; i < contextCount; i++) {
                // 2.2.4: each context starts on an 8-byte boundary from the header.
                offset = (offset + 7) & ~7L;
                check(offset + 8 <= size, "negotiate context %d at %d is outside the %d-byte message", i, offset, size);
                int type = message.getUnsignedShortLE(h + (int) offset);
                int length = message.getUnsignedShortLE(h + (int) offset + 2);
                check(offset + 8 + length <= size, "negotiate context %d of %d bytes runs past the message", i, length);
                contexts.add(NegotiateContext.decode(type, message.slice(h + (int) offset + 8, length)));
                offset += 8 + length;
            }
        }
        return new Smb2NegotiateResponse(status, securityMode, dialect, guid, capabilities, maxTransact, maxRead, maxWrite,
                systemTime, bootTime, securityLength, contexts);
    }

    /** A GUID as MS-DTYP 2.3.4.2 lays it out: Data1-3 little-endian, Data4 as bytes. */
    private static UUID readGuid(ByteBuf in, int at) {
        long hi = (in.getUnsignedIntLE(at) << 32) | ((long) in.getUnsignedShortLE(at + 4) << 16) | in.getUnsignedShortLE(at + 6);
        return new UUID(hi, in.getLong(at + 8));
    }

    /** @return the FILETIME as an instant; empty for 0 or a value past year 30828 (negative as signed) */
    static Optional<Instant> filetime(long ticks) {
        if (ticks <= 0) {
            return Optional.empty();
        }
        long sinceEpoch = ticks - FILETIME_EPOCH_OFFSET;
        return Optional.of(Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L), Math.floorMod(sinceEpoch, 10_000_000L) * 100));
    }

    private static void check(boolean condition, String format, Object... args) {
        ProtocolDecodeException.check(condition, PROTOCOL, format, args);
    }

    @Override
    public String toString() {
        return status.isSuccess() ? "SMB2 NEGOTIATE response dialect " + dialect + " security mode " + securityMode + " GUID " + serverGuid
                : "SMB2 NEGOTIATE error " + status;
    }
}
