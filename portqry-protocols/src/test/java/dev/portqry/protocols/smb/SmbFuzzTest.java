package dev.portqry.protocols.smb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.fuzz.DecoderFuzz;
import dev.portqry.protocols.fuzz.FuzzReport;
import dev.portqry.protocols.fuzz.Seeds;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/**
 * SMB NEGOTIATE under the fuzzer: the SMB2 and SMB1 response decoders, and the conversation over
 * TCP on 445 (direct) and 139 (NetBIOS session first). In this package because the decoders are
 * package-private.
 */
class SmbFuzzTest {
    @Test
    void negotiateResponses() {
        FuzzReport r = DecoderFuzz.of("SMB NEGOTIATE response",
                        Seeds.golden("smb", n -> n.startsWith("negotiate-response") || n.endsWith("445.hex")))
                .messages(SmbFuzzTest::decodeFirstMessage);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overTcp445() {
        FuzzReport r = DecoderFuzz.of("SMB over TCP 445", Seeds.golden("smb", n -> n.endsWith("exchange-445.hex")))
                .port(445).tcp(new SmbResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overTcp139() {
        FuzzReport r = DecoderFuzz.of("SMB over TCP 139", Seeds.golden("smb", n -> n.endsWith("exchange-139.hex")))
                .port(139).tcp(new SmbResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /** The first message after its 4-byte transport header (RFC 1002 4.3.1, [MS-SMB2] 2.1), as the conversation cuts it. */
    private static Object decodeFirstMessage(ByteBuf in) {
        ProtocolDecodeException.check(in.readableBytes() >= 8, "SMB", "too short");
        int length = in.getUnsignedMedium(in.readerIndex() + 1);
        ProtocolDecodeException.check(length >= 4 && length <= in.readableBytes() - 4, "SMB", "bad length");
        ByteBuf message = in.slice(in.readerIndex() + 4, length);
        return message.getIntLE(0) == 0x424d53ff ? Smb1NegotiateResponse.decode(message) : Smb2NegotiateResponse.decode(message, 0);
    }
}
