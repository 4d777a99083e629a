package dev.portqry.protocols.health;

import dev.portqry.core.PortSpec;
import dev.portqry.core.PortState;
import dev.portqry.core.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads checks from a small line format, one check per line, fields separated by blanks:
 *
 * <pre>
 * # name        target     port protocol expected-state [expectation]
 * dc1-ldap      127.0.0.1  389  tcp      LISTENING      ldap-attribute=dnsHostName
 * dc1-drsuapi   127.0.0.1  135  tcp      LISTENING      rpc-reachable=DRSUAPI
 * dc1-kdc       127.0.0.1  88   udp      LISTENING      kerberos-realm=CORP.EXAMPLE.TEST
 * dc1-ldaps     127.0.0.1  636  tcp      LISTENING      cert-days-left=30
 * no-telnet     127.0.0.1  23   tcp      NOT_LISTENING
 * </pre>
 *
 * Blank lines and {@code #} comments are skipped. The expected state is a {@link PortState}
 * name, any case, {@code -} for {@code _}; the expectation is one of {@link Expectations#parse}'s
 * forms. Every check gets {@link HealthCheck#DEFAULT_DEADLINE}.
 */
public final class HealthConfig {
    /** Lines longer than this are refused rather than read. */
    static final int MAX_LINE = 1024;

    private HealthConfig() {
    }

    /**
     * @param file a file in the line format, UTF-8, not null
     * @return its checks, in file order
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line of the first malformed check
     */
    public static List<HealthCheck> load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read health checks from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param lines the lines, not null
     * @param source where they came from, for error messages
     * @return their checks, in order
     * @throws IllegalArgumentException naming {@code source} and the line of the first malformed check
     */
    public static List<HealthCheck> parse(List<String> lines, String source) {
        List<HealthCheck> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(parseLine(raw.length() > MAX_LINE ? null : line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static HealthCheck parseLine(String line) {
        if (line == null) {
            throw new IllegalArgumentException("line longer than " + MAX_LINE + " characters");
        }
        String[] f = line.split("\\s+");
        if (f.length < 5 || f.length > 6) {
            throw new IllegalArgumentException("need: name target port protocol expected-state [expectation], was " + line);
        }
        int port;
        try {
            port = Integer.parseInt(f[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be " + PortSpec.MIN_PORT + "-" + PortSpec.MAX_PORT + ", was " + f[2], e);
        }
        Optional<Expectation> expectation = f.length == 6 ? Optional.of(Expectations.parse(f[5])) : Optional.empty();
        return new HealthCheck(f[0], f[1], Protocol.parse(f[3]), port, state(f[4]), expectation, HealthCheck.DEFAULT_DEADLINE);
    }

    private static PortState state(String text) {
        try {
            return PortState.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected state must be LISTENING, NOT_LISTENING, FILTERED or "
                    + "LISTENING_OR_FILTERED, was " + text, e);
        }
    }
}
