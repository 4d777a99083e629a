package dev.portqry.protocols.fuzz;

import java.time.Duration;
import java.util.Locale;

/**
 * The figures of one fuzz run, printed on one line for RELIABILITY.md.
 *
 * @param name what was fuzzed and how (messages, tcp, udp)
 * @param seed the random seed, to replay it
 * @param inputs inputs tried, seeds included
 * @param typed inputs that gave a typed result
 * @param decodeErrors inputs that gave a {@link dev.portqry.core.ProtocolDecodeException}
 * @param incomplete conversation inputs still waiting for more when the input ended
 * @param elapsed wall time of the run
 * @param maxAllocatedBytes the most one input allocated
 * @param maxInputBytes the longest input
 */
public record FuzzReport(String name, long seed, long inputs, long typed, long decodeErrors, long incomplete,
                         Duration elapsed, long maxAllocatedBytes, long maxInputBytes) {

    /** @return inputs per second */
    public double inputsPerSecond() {
        return inputs / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "fuzz %s: %,d inputs (%,d typed, %,d decode errors, %,d incomplete) in %.1f s"
                        + " = %,.0f inputs/s; max %,d KiB allocated per input, longest input %,d bytes; seed %d",
                name, inputs, typed, decodeErrors, incomplete, elapsed.toMillis() / 1000.0, inputsPerSecond(),
                maxAllocatedBytes >> 10, maxInputBytes, seed);
    }
}
