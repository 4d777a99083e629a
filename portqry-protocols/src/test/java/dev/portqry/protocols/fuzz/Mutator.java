package dev.portqry.protocols.fuzz;

import dev.portqry.protocols.WireBytes;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns a seed into a hostile variant, the way broken and malicious servers do: flipped bits,
 * inserted and deleted bytes, truncation, length fields inflated to 0x7fffffff or 0xffffffff
 * (big- and little-endian, 16 and 32 bits, and BER long form), spliced seeds, duplicated
 * chunks, trailing garbage and plain random bytes. One to four mutations are stacked. Positions
 * lean towards the start of the input, where the outer headers and their lengths are.
 * Deterministic for a given {@link Random}. Not thread-safe.
 */
final class Mutator {
    /** Mutants never grow past this, so a run cannot grow its own inputs without bound. */
    static final int MAX_INPUT = 1 << 16;

    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x04, 0x30, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xfe, 0xff};
    private static final byte[][] INFLATED = {
            {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},              // 2^31-1, big-endian
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},      // 2^32-1 (or -1)
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f},              // 2^31-1, little-endian
            {(byte) 0x80, 0x00, 0x00, 0x00},                            // 2^31 big-endian (negative as int)
            {0x00, 0x00, 0x00, (byte) 0x80},                            // 2^31 little-endian
            {(byte) 0xff, (byte) 0xff},                                 // 65535
            {(byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // BER: 4 length octets, 2^31-1
            {(byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // BER: 2^32-1
            {(byte) 0x88, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0x80},                                              // BER indefinite length
            {(byte) 0xff},                                              // BER reserved length octet (X.690 8.1.3.5 c)
    };

    private final Random random;
    private final List<byte[]> pool;

    /**
     * @param random the source of every choice
     * @param pool inputs to splice from (the seeds); not copied
     */
    Mutator(Random random, List<byte[]> pool) {
        this.random = random;
        this.pool = pool;
    }

    /**
     * @param input the input to start from; not modified
     * @param log receives one word per mutation applied, for failure reports
     * @return a new mutant, at most {@link #MAX_INPUT} bytes
     */
    byte[] mutate(byte[] input, StringBuffer log) {
        byte[] b = input;
        int n = 1 + Integer.numberOfTrailingZeros(random.nextInt() | 0x8); // 1 to 4, each half as likely
        for (int i = 0; i < n; i++) {
            b = once(b, log);
            if (b.length > MAX_INPUT) {
                b = Arrays.copyOf(b, MAX_INPUT);
            }
        }
        return b;
    }

    private byte[] once(byte[] b, StringBuffer log) {
        int kind = random.nextInt(12);
        if (b.length == 0 && kind < 8) {
            kind = 10;
        }
        switch (kind) {
            case 0, 1 -> {
                int at = position(b.length);
                int bit = random.nextInt(8);
                log.append("flip@").append(at).append('.').append(bit).append(' ');
                return set(b, at, (byte) (b[at] ^ (1 << bit)));
            }
            case 2 -> {
                int at = position(b.length);
                int v = INTERESTING[random.nextInt(INTERESTING.length)];
                log.append("set@").append(at).append('=').append(Integer.toHexString(v)).append(' ');
                return set(b, at, (byte) v);
            }
            case 3 -> {
                int at = position(b.length);
                int delta = (1 + random.nextInt(16)) * (random.nextBoolean() ? 1 : -1);
                log.append("add@").append(at).append(delta > 0 ? "+" : "").append(delta).append(' ');
                return set(b, at, (byte) (b[at] + delta));
            }
            case 4 -> {
                int at = position(b.length);
                int len = 1 + random.nextInt(Math.min(64, b.length - at));
                log.append("del@").append(at).append('x').append(len).append(' ');
                return WireBytes.concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
            }
            case 5 -> {
                int keep = random.nextInt(b.length);
                log.append("trunc@").append(keep).append(' ');
                return Arrays.copyOf(b, keep);
            }
            case 6, 7 -> {
                return inflate(b, log);
            }
            case 8 -> {
                int at = position(b.length + 1);
                byte[] ins = randomBytes(1 + random.nextInt(16));
                log.append("ins@").append(at).append('x').append(ins.length).append(' ');
                return WireBytes.concat(Arrays.copyOfRange(b, 0, at), ins, Arrays.copyOfRange(b, at, b.length));
            }
            case 9 -> {
                byte[] other = pool.get(random.nextInt(pool.size()));
                int cut = random.nextInt(b.length + 1);
                int from = random.nextInt(other.length + 1);
                log.append("splice@").append(cut).append('+').append(from).append(' ');
                return WireBytes.concat(Arrays.copyOf(b, cut), Arrays.copyOfRange(other, from, other.length));
            }
            case 10 -> {
                byte[] tail = random.nextBoolean() ? randomBytes(1 + random.nextInt(64)) : pool.get(random.nextInt(pool.size()));
                log.append("append").append(tail.length).append(' ');
                return WireBytes.concat(b, tail);
            }
            default -> {
                if (random.nextInt(4) == 0) {
                    byte[] r = randomBytes(random.nextInt(1024));
                    log.append("random").append(r.length).append(' ');
                    return r;
                }
                int from = random.nextInt(b.length + 1);
                int len = random.nextInt(Math.min(256, b.length - from) + 1);
                int at = random.nextInt(b.length + 1);
                log.append("dup@").append(from).append('x').append(len).append("->").append(at).append(' ');
                return WireBytes.concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, from, from + len), Arrays.copyOfRange(b, at, b.length));
            }
        }
    }

    /** Overwrites (or, for the BER forms, replaces one byte with) an inflated length. */
    private byte[] inflate(byte[] b, StringBuffer log) {
        int which = random.nextInt(INFLATED.length);
        byte[] pattern = INFLATED[which];
        int at = position(b.length);
        log.append("inflate@").append(at).append('#').append(which).append(' ');
        if (pattern[0] == (byte) 0x84 || pattern[0] == (byte) 0x88 || pattern.length == 1) {
            return WireBytes.concat(Arrays.copyOf(b, at), pattern, Arrays.copyOfRange(b, at + 1, b.length));
        }
        byte[] out = b.length >= at + pattern.length ? b.clone() : Arrays.copyOf(b, at + pattern.length);
        System.arraycopy(pattern, 0, out, at, pattern.length);
        return out;
    }

    /** @return a position below {@code length}, half the time within the first 2^k bytes for a random small k */
    private int position(int length) {
        int limit = Math.min(length, 1 << (1 + random.nextInt(16)));
        return random.nextInt(limit);
    }

    private byte[] randomBytes(int n) {
        byte[] r = new byte[n];
        random.nextBytes(r);
        return r;
    }

    private static byte[] set(byte[] b, int at, byte v) {
        byte[] out = b.clone();
        out[at] = v;
        return out;
    }

}
