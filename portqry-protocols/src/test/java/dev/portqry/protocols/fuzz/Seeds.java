package dev.portqry.protocols.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Seed inputs for {@link DecoderFuzz}: the golden vectors under
 * {@code src/test/resources/golden/<protocol>/}, as captured from real servers. A {@code .bin}
 * file is raw bytes; a {@code .hex} file is hex digits, whitespace ignored and {@code #} starting
 * a comment to the end of its line. Anything else (README.md) is not a seed.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param protocol the folder under {@code golden/}, e.g. {@code ldap}
     * @return every {@code .bin} and {@code .hex} vector in it, by file name
     * @throws IllegalStateException when the folder is missing or holds no vector
     */
    public static List<Seed> golden(String protocol) {
        return golden(protocol, name -> true);
    }

    /**
     * @param protocol the folder under {@code golden/}, e.g. {@code ldap}
     * @param names which file names to keep, e.g. {@code n -> !n.contains("request")}
     * @return the kept vectors, by file name
     * @throws IllegalStateException when the folder is missing or nothing is kept
     */
    public static List<Seed> golden(String protocol, Predicate<String> names) {
        URL url = Seeds.class.getResource("/golden/" + protocol);
        if (url == null) {
            throw new IllegalStateException("no golden/" + protocol + " folder on the test class path");
        }
        List<Seed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!names.test(name)) {
                    continue;
                }
                if (name.endsWith(".bin")) {
                    out.add(new Seed(name, Files.readAllBytes(f)));
                } else if (name.endsWith(".hex")) {
                    out.add(new Seed(name, parseHex(Files.readAllLines(f))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no seed vector kept in golden/" + protocol);
        }
        return List.copyOf(out);
    }

    /**
     * @param parts seeds to put one after the other, as a server sends several replies on one
     *        connection (a greeting, then the answer to USER)
     * @return one seed named after its parts
     */
    public static Seed joined(Seed... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringBuilder name = new StringBuilder();
        for (Seed p : parts) {
            out.writeBytes(p.bytes());
            name.append(name.length() == 0 ? "" : "+").append(p.name());
        }
        return new Seed(name.toString(), out.toByteArray());
    }

    /**
     * @param protocol the folder under {@code golden/}
     * @param name one file in it
     * @return that vector
     */
    public static Seed one(String protocol, String name) {
        return golden(protocol, name::equals).get(0);
    }

    static byte[] parseHex(List<String> lines) {
        StringBuilder digits = new StringBuilder();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String data = hash >= 0 ? line.substring(0, hash) : line;
            data.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> digits.append((char) c));
        }
        return HexFormat.of().parseHex(digits);
    }

    /**
     * One seed input.
     *
     * @param name where it came from, e.g. {@code udp389.bin}
     * @param bytes its bytes; not copied, do not modify
     */
    public record Seed(String name, byte[] bytes) {
        /**
         * @param name a label for reports
         * @param hex the bytes in hex
         * @return the seed
         */
        public static Seed ofHex(String name, String hex) {
            return new Seed(name, parseHex(List.of(hex)));
        }

        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }
}
