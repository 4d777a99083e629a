package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.smb.internal.Smb1NegotiateRequest;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMB1 answer to the multi-protocol negotiate (MS-CIFS section 2.2.4.52.2): the server
 * speaks only SMB1, which Microsoft deprecated and disables by default. For the NT LM 0.12
 * dialect the 17-word response gives security mode, capabilities and clock.
 *
 * @param status the header status
 * @param dialect the chosen dialect string, or {@code none} when the server accepted none
 * @param securityMode the SecurityMode byte: 0x04 signatures enabled, 0x08 signatures required
 * @param capabilities the SMB1 capability bits (MS-CIFS 2.2.4.52.2)
 * @param systemTime the server's clock, when sent
 */
public record Smb1NegotiateResponse(NtStatus status, String dialect, int securityMode, int capabilities,
                                    Optional<Instant> systemTime) {
    private static final int SIGNATURES_ENABLED = 0x04;
    private static final int SIGNATURES_REQUIRED = 0x08;
    /** WordCount of the NT LM 0.12 response. */
    private static final int NT_LM_WORDS = 17;

    /** Checks for nulls. */
    public Smb1NegotiateResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(systemTime, "systemTime");
    }

    /** @return whether the server signs SMB1 messages when asked */
    public boolean signingEnabled() {
        return (securityMode & SIGNATURES_ENABLED) != 0;
    }

    /** @return whether the server insists on SMB1 signing */
    public boolean signingRequired() {
        return (securityMode & SIGNATURES_REQUIRED) != 0;
    }

    /**
     * @param message one whole message starting with {@code 0xFF 'SMB'}; read, not released
     * @return the response
     * @throws ProtocolDecodeException when it is not an SMB1 NEGOTIATE response
     */
    static Smb1NegotiateResponse decode(ByteBuf message) {
        int h = message.readerIndex();
        int size = message.readableBytes();
        check(size >= Smb1NegotiateRequest.HEADER_SIZE + 1, "SMB1 message of %d bytes is shorter than its header", size);
        int command = message.getUnsignedByte(h + 4);
        check(command == Smb1NegotiateRequest.COMMAND, "SMB1 command 0x%02x in answer to NEGOTIATE", command);
        NtStatus status = NtStatus.valueOf(message.getIntLE(h + 5));
        int words = message.getUnsignedByte(h + Smb1NegotiateRequest.HEADER_SIZE);
        int p = h + Smb1NegotiateRequest.HEADER_SIZE + 1;
        check(size >= Smb1NegotiateRequest.HEADER_SIZE + 1 + 2 * words, "SMB1 WordCount %d runs past the message", words);
        if (!status.isSuccess() || words == 0) {
            return new Smb1NegotiateResponse(status, "none", 0, 0, Optional.empty());
        }
        int index = message.getUnsignedShortLE(p);
        String dialect = index < Smb1NegotiateRequest.DIALECTS.length ? Smb1NegotiateRequest.DIALECTS[index] : "none";
        if (words != NT_LM_WORDS) {
            return new Smb1NegotiateResponse(status, dialect, 0, 0, Optional.empty());
        }
        // 2.2.4.52.2: DialectIndex(2) SecurityMode(1) MaxMpxCount(2) MaxNumberVcs(2) MaxBufferSize(4)
        // MaxRawSize(4) SessionKey(4) Capabilities(4) SystemTime(8) ServerTimeZone(2) ChallengeLength(1).
        int securityMode = message.getUnsignedByte(p + 2);
        int capabilities = message.getIntLE(p + 19);
        Optional<Instant> time = Smb2NegotiateResponse.filetime(message.getLongLE(p + 23));
        return new Smb1NegotiateResponse(status, dialect, securityMode, capabilities, time);
    }

    private static void check(boolean condition, String format, Object... args) {
        ProtocolDecodeException.check(condition, Smb2NegotiateResponse.PROTOCOL, format, args);
    }

    @Override
    public String toString() {
        return status.isSuccess() ? "SMB1 NEGOTIATE response dialect " + dialect : "SMB1 NEGOTIATE error " + status;
    }
}
