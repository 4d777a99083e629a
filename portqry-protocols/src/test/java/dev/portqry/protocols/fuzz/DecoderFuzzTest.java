package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.fuzz.Seeds.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzer catches what it is meant to catch: stray exceptions, hangs, allocations sized by a length, nulls. */
class DecoderFuzzTest {
    /** A 4-byte big-endian length, then that many bytes. */
    private static final List<Seed> SEEDS = List.of(Seed.ofHex("framed", "00000003 616263"));

    @Test
    void aStrayExceptionFailsWithTheInputInHex() {
        assertThatThrownBy(() -> DecoderFuzz.of("careless", SEEDS).iterations(1000).messages(in -> {
            int n = in.readInt(); // IndexOutOfBoundsException on a short input
            return in.readBytes(n).release();
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("fuzz careless (messages): input #")
                .hasMessageContaining("IndexOutOfBoundsException")
                .hasMessageContaining("input (")
                .hasMessageContaining("replay: -Dportqry.fuzz.seed=");
    }

    @Test
    void aHangFailsAfterTheTimeLimit() {
        assertThatThrownBy(() -> DecoderFuzz.of("stuck", SEEDS).iterations(1000).messages(in -> {
            if (in.readableBytes() != 7) {
                java.util.concurrent.locks.LockSupport.parkNanos(60_000_000_000L); // the watchdog's interrupt wakes it
            }
            return "ok";
        })).isInstanceOf(AssertionError.class).hasMessageContaining("still running after 1000 ms");
    }

    @Test
    void anAllocationSizedByTheDeclaredLengthFails() {
        assertThatThrownBy(() -> DecoderFuzz.of("trusting", SEEDS).iterations(20_000).messages(in -> {
            ProtocolDecodeException.check(in.readableBytes() >= 4, "T", "short");
            int n = in.readInt();
            ProtocolDecodeException.check(n >= 0, "T", "negative");
            byte[] body = new byte[Math.min(n, 32 << 20)]; // trusts the length, under a cap too high to help: the bug
            ProtocolDecodeException.check(in.readableBytes() >= n, "T", "truncated");
            in.readBytes(body);
            return body;
        })).isInstanceOf(AssertionError.class).hasMessageContaining("something is sized by a declared length");
    }

    @Test
    void nullIsNotAResult() {
        assertThatThrownBy(() -> DecoderFuzz.of("silent", SEEDS).iterations(10).messages(in -> null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("returned null");
    }

    @Test
    void decodeErrorsAndResultsAreCounted() {
        FuzzReport r = DecoderFuzz.of("strict", SEEDS).iterations(5000).messages(in -> {
            ProtocolDecodeException.check(in.readableBytes() >= 4, "T", "short");
            int n = in.readInt();
            ProtocolDecodeException.check(n >= 0 && n == in.readableBytes(), "T", "length %d with %d bytes left", n, in.readableBytes());
            return in.readBytes(n).release();
        });
        assertThat(r.inputs()).isEqualTo(5000);
        assertThat(r.typed() + r.decodeErrors()).isEqualTo(5000);
        assertThat(r.typed()).isPositive();
        assertThat(r.decodeErrors()).isPositive();
    }

    @Test
    void hexSeedsIgnoreWhitespaceAndComments() {
        assertThat(Seeds.parseHex(List.of("0a 0B # header", "  ff"))).containsExactly(0x0a, 0x0b, 0xff);
    }
}
