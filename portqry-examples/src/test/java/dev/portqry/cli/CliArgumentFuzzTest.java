package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.testkit.LoopbackPorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random argument lists for the CLI, run in process: PortQry's option words (any case), good and
 * bogus values, bang-quoted communities open or closed, unicode, empty strings, huge numbers and
 * stray words. Every run must end within {@link #RUN_LIMIT_SECONDS} with an exit code of
 * {@link ExitCodes} (0-5), print no stack trace or exception name, and a usage error (3) must be
 * one line on stderr.
 *
 * <p>Traffic stays on loopback: {@code -n} only ever gets {@code 127.0.0.1} or {@code ::1} (no
 * name is resolved), {@code -nr} is always there (no reverse lookup), port values are closed
 * loopback ports or small lists, waits are short, and nothing starts the browser UI ({@code -ui})
 * or a watch with a valid port or process ({@code -wport}/{@code -wpid} get only bogus values).
 * No stray word can be read as a target either ({@code -nX} or {@code -n=x} forms are not
 * generated). Stdin is empty, so {@code -i} ends at once. Argument lists per run: {@code portqry.clifuzz.runs}
 * (default 2,000); seed: {@code portqry.fuzz.seed} (default fixed).
 */
class CliArgumentFuzzTest {
    private static final int RUN_LIMIT_SECONDS = 30;
    private static final String[] TARGETS = {"127.0.0.1", "::1"};
    private static final String[] HUGE = {"99999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1e9", "0x50"};
    private static final String[] JUNK = {"", " ", "x", "-", "--", "/n", "/?", "\u2014n", "-\u00f1", "\u0000", "\t",
        "\u202e80", "\ud83d\ude00", "\u0663\u0660", "!", "!!", "!a", "b!", "=", "-cn!x!", "ümlaut", "-x", "-tcp", "-both"};

    /** How many of each option's values (the first ones in {@link #values}) are good. */
    private static final Map<String, Integer> GOOD = Map.ofEntries(
            Map.entry("-n", 2),
            Map.entry("-p", 4),
            Map.entry("-e", 2),
            Map.entry("-o", 2),
            Map.entry("-r", 1),
            Map.entry("-l", 2),
            Map.entry("-sp", 0),
            Map.entry("-wport", 0),
            Map.entry("-wpid", 0),
            Map.entry("-wt", 0),
            Map.entry("-svc", 7),
            Map.entry("-set", 2),
            Map.entry("-tcpwait", 2),
            Map.entry("-tcptries", 2),
            Map.entry("-udpwait", 2),
            Map.entry("-udptries", 1),
            Map.entry("-querywait", 2),
            Map.entry("-udppacing", 1),
            Map.entry("-parallel", 2),
            Map.entry("-uiaddr", 0));

    @TempDir
    Path tmp;

    @Test
    void randomArgumentListsEndCleanly() throws Exception {
        long seed = Long.getLong("portqry.fuzz.seed", 20261124L);
        int runs = Integer.getInteger("portqry.clifuzz.runs", 2_000);
        Random random = new Random(seed);
        String closedTcp = String.valueOf(LoopbackPorts.closedTcpPort(InetAddress.getLoopbackAddress()));
        String closedUdp = String.valueOf(LoopbackPorts.closedUdpPort(InetAddress.getLoopbackAddress()));
        Files.writeString(tmp.resolve("exists.log"), "old\n");
        Map<String, String[]> values = values(closedTcp, closedUdp);
        Map<String, Integer> good = GOOD;
        List<String> words = new ArrayList<>(values.keySet());
        words.addAll(List.of("-q", "-y", "-sl", "-i", "-local", "-json", "-v", "-h", "-?", "-help", "-cn"));
        int[] codes = new int[6];
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cli-fuzz");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        try {
            for (int i = 0; i < runs; i++) {
                List<String> args = arguments(random, words, values, good);
                Future<Run> f = runner.submit(() -> run(args));
                Run r;
                try {
                    r = f.get(RUN_LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("run #" + i + " still running after " + RUN_LIMIT_SECONDS + " s: " + show(args));
                }
                String context = "run #" + i + " (seed " + seed + ") " + show(args) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
                assertThat(r.code).as(context).isBetween(0, 5);
                assertThat(r.out + r.err).as(context).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
                if (r.code == ExitCodes.USAGE) {
                    assertThat(r.err.lines().count()).as(context).isEqualTo(1);
                }
                codes[r.code]++;
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.printf("cli fuzz: %,d argument lists in %.1f s, exit codes 0..5: %s%n", runs,
                (System.nanoTime() - started) / 1e9, java.util.Arrays.toString(codes));
        assertThat(codes[ExitCodes.USAGE]).isPositive();
    }

    /** Per option word, the values it may get: good ones (short, loopback-only) and bogus ones. */
    private Map<String, String[]> values(String closedTcp, String closedUdp) {
        String log = tmp.resolve("run.log").toString();
        return Map.ofEntries(
                Map.entry("-n", TARGETS),
                Map.entry("-p", new String[] {"tcp", "udp", "both", "TCP", "", "icmp", "tcp,udp", "b\u00f6th"}),
                Map.entry("-e", new String[] {closedTcp, closedUdp, "0", "65536", "-1", "80,81", "", "x", "\u0663"}),
                Map.entry("-o", new String[] {closedTcp + "," + closedUdp, closedTcp, ",,", "1,", "0,70000", closedTcp + ",x", ""}),
                Map.entry("-r", new String[] {closedTcp + ":" + (Integer.parseInt(closedTcp) + 2), "83:81", "0:5", "1:65536", ":", "a:b",
                    "5;7", "1:2:3", ""}),
                Map.entry("-l", new String[] {log, tmp.resolve("exists.log").toString(), tmp.toString(),
                    tmp.resolve("missing-dir/x.log").toString(), ""}),
                Map.entry("-sp", new String[] {"0", "65536", "x", "", "-5"}),
                Map.entry("-wport", new String[] {"0", "65536", "x", "", "-1"}),
                Map.entry("-wpid", new String[] {"0", "x", "", "-1", "4294967296"}),
                Map.entry("-wt", new String[] {"0", "x", "", "-1", "86401"}),
                Map.entry("-svc", new String[] {"dns", "ldap", "rpc", "tftp", "snmp", "sql", "ipsec", "web", "nosuch", "", "DNS", "d\u00f1s"}),
                Map.entry("-set", new String[] {"snmp.community=public", "dns.name=dc1.corp.example.test", "=", "x", "nosuch.key=1", "tftp.fileName=",
                    "greeting.maxLines=0", "greeting.maxLines=x", "msrpc.lookup.pageSize=0", "kerberos.realm=CORP.EXAMPLE.TEST"}),
                Map.entry("-tcpwait", new String[] {"50", "200", "0", "600001", "", "x"}),
                Map.entry("-tcptries", new String[] {"1", "2", "0", "11", ""}),
                Map.entry("-udpwait", new String[] {"50", "200", "0", "600001", ""}),
                Map.entry("-udptries", new String[] {"1", "0", "11", "x"}),
                Map.entry("-querywait", new String[] {"100", "300", "0", "600001", ""}),
                Map.entry("-udppacing", new String[] {"0", "-1", "601", "x"}),
                Map.entry("-parallel", new String[] {"1", "8", "0", "1025", "4097", ""}),
                Map.entry("-uiaddr", new String[] {"127.0.0.1", ""}));
    }

    private static List<String> arguments(Random random, List<String> words, Map<String, String[]> values, Map<String, Integer> good) {
        List<String> args = new ArrayList<>();
        // A third of the lists are plausible (known words with good values) so that runs get past parsing and probe.
        boolean plausible = random.nextInt(3) == 0;
        int n = plausible ? random.nextInt(4) : random.nextInt(9);
        for (int k = 0; k < n; k++) {
            int kind = plausible ? 0 : random.nextInt(20);
            if (plausible) {
                String word = words.get(random.nextInt(words.size()));
                int g = good.getOrDefault(word, 0);
                if (word.equals("-cn")) {
                    args.addAll(List.of("-cn", "!public!"));
                } else if (g > 0) {
                    args.addAll(List.of(word, values.get(word)[random.nextInt(g)]));
                } else if (!values.containsKey(word) && !word.equals("-l") && !word.equals("-i")) {
                    args.add(word);
                }
            } else if (kind < 14) {
                String word = words.get(random.nextInt(words.size()));
                args.add(random.nextInt(5) == 0 ? mixedCase(random, word) : word);
                if (word.equals("-cn")) {
                    community(random, args);
                } else if (values.containsKey(word) && random.nextInt(12) != 0) {
                    String[] v = values.get(word);
                    args.add(random.nextInt(10) == 0 && !word.equals("-n") && !word.startsWith("-w") && !word.equals("-l")
                            ? HUGE[random.nextInt(HUGE.length)] : v[random.nextInt(v.length)]);
                }
            } else if (kind < 18) {
                args.add(JUNK[random.nextInt(JUNK.length)]);
            } else {
                args.add(HUGE[random.nextInt(HUGE.length)]);
            }
        }
        if (random.nextInt(3) > 0 && !args.contains("-n")) {
            args.add(0, TARGETS[random.nextInt(TARGETS.length)]);
            args.add(0, "-n");
        }
        args.add(random.nextInt(args.size() + 1), "-nr");
        // Short waits unless the list sets them itself, so that silent UDP ports cost milliseconds.
        for (String[] wait : new String[][] {{"-tcpwait", "200"}, {"-udpwait", "100"}, {"-udptries", "1"}, {"-querywait", "300"}}) {
            if (args.stream().noneMatch(a -> a.equalsIgnoreCase(wait[0])) && random.nextInt(8) > 0) {
                args.addAll(List.of(wait));
            }
        }
        return args;
    }

    private static void community(Random random, List<String> args) {
        switch (random.nextInt(6)) {
            case 0 -> args.add("!public!");
            case 1 -> args.addAll(List.of("!my", "community!"));
            case 2 -> args.add("!unterminated");
            case 3 -> args.add("nobang");
            case 4 -> args.add("!!");
            default -> args.addAll(List.of("!\u00fc", "\u00f1", "\ud83d\ude00!"));
        }
    }

    private static String mixedCase(Random random, String word) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toCharArray()) {
            b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        // Never turn a word into -ui (starts the browser UI): none of the words is one letter from it.
        return b.toString();
    }

    private static String show(List<String> args) {
        StringBuilder b = new StringBuilder("args:");
        args.forEach(a -> b.append(" [").append(a).append(']'));
        return b.toString();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PortQry cli = new PortQry(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, false);
        int code = cli.run(args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
