package dev.portqry.protocols.smb;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * An SMB1 message header (MS-CIFS section 2.2.3.1) sent back to the SMB2 NEGOTIATE: the server
 * speaks only SMB1 (NT LM 0.12), a protocol Microsoft deprecated and disables by default.
 *
 * @param command the SMB1 command, {@code 0x72} for NEGOTIATE
 * @param status the 32-bit status field (an NTSTATUS when FLAGS2_NT_STATUS is set)
 */
public record Smb1Reply(int command, NtStatus status) {
    /** SMB1 header size (MS-CIFS 2.2.3.1). */
    private static final int HEADER_SIZE = 32;

    /**
     * @param message one whole message starting with {@code 0xFF 'SMB'}; read, not released
     * @return the header's command and status
     */
    static Smb1Reply decode(ByteBuf message) {
        ProtocolDecodeException.check(message.readableBytes() >= HEADER_SIZE, Smb2NegotiateResponse.PROTOCOL,
                "SMB1 message of %d bytes, the header alone is %d", message.readableBytes(), HEADER_SIZE);
        int start = message.readerIndex();
        return new Smb1Reply(message.getUnsignedByte(start + 4), NtStatus.valueOf(message.getIntLE(start + 5)));
    }

    @Override
    public String toString() {
        return String.format("SMB1 command 0x%02x status %s", command, status);
    }
}
