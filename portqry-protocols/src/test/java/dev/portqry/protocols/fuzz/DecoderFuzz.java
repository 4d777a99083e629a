package dev.portqry.protocols.fuzz;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.fuzz.Seeds.Seed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A seeded mutation fuzzer for decoders. It feeds the seeds, then mutants of them (see
 * {@link Mutator}), to a decode function, a TCP {@link Conversation} (the reply cut into random
 * chunks, as reads deliver it) or a UDP one (one to three datagrams), and fails on anything but
 * a typed result or a {@link ProtocolDecodeException}: any other exception, a call taking more
 * than {@link #TIME_LIMIT}, or a call allocating more than {@link #allocationBudget(int)} (a
 * buffer sized by a declared length). The failure names the input in hex and how to replay it.
 *
 * <pre>{@code
 * DecoderFuzz.of("LDAPMessage", Seeds.golden("ldap")).messages(in -> LdapMessage.decode(BerReader.of(in, "LDAP"), 100));
 * }</pre>
 *
 * <p>Inputs per run: {@code -Dportqry.fuzz.iterations} (default {@value #DEFAULT_ITERATIONS});
 * random seed: {@code -Dportqry.fuzz.seed} (a number, or {@code random}; default fixed, so CI is
 * repeatable).
 */
public final class DecoderFuzz {
    /** Inputs per run when {@code portqry.fuzz.iterations} is not set: seconds per decoder. */
    public static final int DEFAULT_ITERATIONS = 20_000;
    /** The longest one input may take. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(1);

    private final String name;
    private final List<Seed> seeds;
    private int iterations = Integer.getInteger("portqry.fuzz.iterations", DEFAULT_ITERATIONS);
    private ProbeOptions options = ProbeOptions.defaults();
    private String targetName;
    private int port = 9;
    private BinaryOperator<byte[]> echo = (query, seed) -> seed;

    private DecoderFuzz(String name, List<Seed> seeds) {
        this.name = Objects.requireNonNull(name, "name");
        this.seeds = List.copyOf(seeds);
        if (this.seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must not be empty");
        }
    }

    /**
     * @param name what is fuzzed, for reports, e.g. {@code LDAPMessage}
     * @param seeds the inputs to start from, not empty (usually {@link Seeds#golden(String)})
     * @return a fuzzer with the default iterations and {@link ProbeOptions#defaults()}
     */
    public static DecoderFuzz of(String name, List<Seed> seeds) {
        return new DecoderFuzz(name, seeds);
    }

    /**
     * @param n inputs to try, seeds included; overrides {@code portqry.fuzz.iterations}
     * @return this fuzzer
     */
    public DecoderFuzz iterations(int n) {
        this.iterations = n;
        return this;
    }

    /**
     * @param options the options conversations see (caps such as maxEntries); default {@link ProbeOptions#defaults()}
     * @return this fuzzer
     */
    public DecoderFuzz options(ProbeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * @param name the target name conversations see, e.g. a DNS name to query; default none
     * @return this fuzzer
     */
    public DecoderFuzz targetName(String name) {
        this.targetName = name;
        return this;
    }

    /**
     * @param port the remote port conversations see, for responders that speak differently on some
     *        ports (SMB on 139 starts with a NetBIOS session request); default 9
     * @return this fuzzer
     */
    public DecoderFuzz port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Makes a seed answer this conversation's query before it is mutated, as the server would:
     * copies the query's message ID, transaction ID or call ID into it. Without it, seeds go
     * as captured and most fail the ID check before the decoder's deeper paths run.
     *
     * @param answer {@code (query, seed) -> seed answering query}
     * @return this fuzzer
     */
    public DecoderFuzz echo(BinaryOperator<byte[]> answer) {
        this.echo = Objects.requireNonNull(answer, "echo");
        return this;
    }

    /**
     * Fuzzes a message decoder. The input buffer starts at a non-zero reader index and has no
     * byte past its writer index, so that absolute reads outside the input fail loudly.
     *
     * @param decoder decodes one input; returns the typed result or throws {@link ProtocolDecodeException}
     * @return the figures of the run
     */
    public FuzzReport messages(Decoder decoder) {
        return run("messages", (seed, mutation, attempt) -> {
            byte[] input = mutation.apply(seed);
            attempt.input(input);
            int pad = input.length % 8;
            byte[] framed = new byte[pad + input.length];
            java.util.Arrays.fill(framed, 0, pad, (byte) 0xa5);
            System.arraycopy(input, 0, framed, pad, input.length);
            ByteBuf in = Unpooled.wrappedBuffer(framed).readerIndex(pad);
            return exercise(decoder.decode(in));
        });
    }

    /**
     * Fuzzes a conversation over TCP: the mutant reply arrives in random chunks into one
     * cumulation buffer, then the peer closes.
     *
     * @param open opens a conversation, e.g. {@code ctx -> new LdapResponder().open(ctx)}
     * @return the figures of the run
     */
    public FuzzReport tcp(Function<ConversationContext, Conversation> open) {
        warmUp(open, dev.portqry.core.Protocol.TCP);
        return run("tcp", (seed, mutation, attempt) -> new ConversationDriver(context(dev.portqry.core.Protocol.TCP), open, echo)
                .tcp(seed, mutation, attempt));
    }

    /**
     * Fuzzes a conversation over UDP: one to three mutant datagrams, sometimes with a retry
     * ({@link Conversation#start()} again) between them.
     *
     * @param open opens a conversation
     * @return the figures of the run
     */
    public FuzzReport udp(Function<ConversationContext, Conversation> open) {
        warmUp(open, dev.portqry.core.Protocol.UDP);
        return run("udp", (seed, mutation, attempt) -> new ConversationDriver(context(dev.portqry.core.Protocol.UDP), open, echo)
                .udp(seed, mutation, attempt, seeds.get(attempt.random().nextInt(seeds.size())).bytes()));
    }

    /**
     * Opens and starts one conversation before the measured inputs: the first query built in a JVM
     * loads and initialises classes (Kerberos: over 5 MiB for its DER and time classes), a one-time
     * cost that would otherwise count against whichever input happens to come first.
     */
    private void warmUp(Function<ConversationContext, Conversation> open, dev.portqry.core.Protocol protocol) {
        open.apply(context(protocol)).start().release();
    }

    private ConversationContext context(dev.portqry.core.Protocol protocol) {
        return new FuzzContext(protocol, options, targetName, port);
    }

    /** Reads everything a caller would read of a result, so that rendering bugs surface too. */
    static Outcome exercise(Object result) {
        if (result == null) {
            throw new AssertionError("decoder returned null instead of a result or a ProtocolDecodeException");
        }
        String.valueOf(result);
        if (result instanceof ResponderResult r) {
            r.reportLines().forEach(Objects::requireNonNull);
            Objects.requireNonNull(r.summary());
        }
        return Outcome.TYPED;
    }

    /**
     * @param inputLength the input's length in bytes
     * @return the most one input may allocate: 8 MiB plus 256 bytes per input byte, far below
     *         any buffer sized by an inflated length
     */
    static long allocationBudget(int inputLength) {
        return (8L << 20) + 256L * inputLength;
    }

    private FuzzReport run(String mode, Trial trial) {
        long seed = seed();
        FuzzRun fuzz = new FuzzRun(seeds, trial);
        Thread worker = new Thread(() -> fuzz.loop(iterations, seed), "fuzz-" + name);
        worker.setDaemon(true);
        worker.start();
        try {
            while (worker.isAlive()) {
                worker.join(100);
                Attempt a = fuzz.current();
                if (a != null && a.runningNanos() > TIME_LIMIT.toNanos()) {
                    worker.interrupt(); // a hung decoder ignores it: the daemon thread is abandoned
                    throw new AssertionError(failure(mode, seed, a, "still running after " + TIME_LIMIT.toMillis() + " ms"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (fuzz.failure() != null) {
            throw new AssertionError(failure(mode, seed, fuzz.failed(), String.valueOf(fuzz.failure())), fuzz.failure());
        }
        FuzzReport report = fuzz.report(name + " (" + mode + ")", seed);
        System.out.println(report);
        return report;
    }

    private String failure(String mode, long seed, Attempt a, String what) {
        byte[] input = a.input();
        String hex = input == null ? "(not built yet)" : HexFormat.of().formatHex(input);
        return "fuzz " + name + " (" + mode + "): input #" + a.index() + " from seed " + seeds.get(a.seedIndex()).name()
                + " after mutations [" + a.mutations() + "]: " + what
                + "\n  input (" + (input == null ? 0 : input.length) + " bytes): " + hex
                + (a.extra() == null ? "" : "\n  " + a.extra())
                + "\n  replay: -Dportqry.fuzz.seed=" + seed + " -Dportqry.fuzz.iterations=" + (a.index() + 1);
    }

    private long seed() {
        String s = System.getProperty("portqry.fuzz.seed", "20261124");
        return "random".equals(s) ? System.nanoTime() : Long.parseLong(s);
    }

    /** A decode function under test. */
    @FunctionalInterface
    public interface Decoder {
        /**
         * @param in the input, from its reader index to its writer index; the decoder may move the reader index
         * @return the typed result, not null
         * @throws ProtocolDecodeException for an input it cannot decode (the only exception allowed)
         */
        Object decode(ByteBuf in);
    }

    /** How an input ended. */
    enum Outcome {
        /** A typed result. */
        TYPED,
        /** A {@link ProtocolDecodeException}. */
        DECODE_ERROR,
        /** The conversation still wanted more when the input ended (a real probe would time out). */
        INCOMPLETE
    }

    /** One fuzzing step: build the input from a seed with the mutation, and run it. */
    @FunctionalInterface
    interface Trial {
        Outcome attempt(byte[] seed, UnaryOperator<byte[]> mutation, Attempt attempt);
    }
}
