package dev.portqry.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.fuzz.DecoderFuzz;
import dev.portqry.protocols.fuzz.FuzzReport;
import dev.portqry.protocols.fuzz.Seeds;
import org.junit.jupiter.api.Test;

/** The example Redis responder under the same fuzzer as the built-in ones: the reply-line decoder and the PING conversation over TCP. */
class RedisPingFuzzTest {
    @Test
    void replyLines() {
        FuzzReport r = DecoderFuzz.of("Redis reply line", Seeds.golden("redis"))
                .messages(in -> RedisPingResult.decode(in.toString(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void pingOverTcp() {
        FuzzReport r = DecoderFuzz.of("Redis PING over TCP", Seeds.golden("redis")).tcp(new RedisPingResponder()::open);
        assertThat(r.typed()).isPositive();
    }
}
