package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Golden transcripts: {@code src/test/resources/golden/cli/NAME.txt} holds the expected output
 * byte for byte. Lines starting {@code #} at the top say which Microsoft sample the file follows
 * and are not part of the transcript. A failing comparison writes the masked actual output to
 * {@code target/golden-actual/NAME.txt} for review.
 */
public final class Golden {
    private Golden() {
    }

    /**
     * @param name the file's name without {@code .txt}
     * @return the expected transcript, header comments removed
     */
    public static String expected(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/cli/" + name + ".txt")) {
            if (in == null) {
                throw new AssertionError("no golden file golden/cli/" + name + ".txt");
            }
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(all.split("\n", -1)));
            while (!lines.isEmpty() && lines.get(0).startsWith("#")) {
                lines.remove(0);
            }
            return String.join("\n", lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares a transcript with its golden file after masking the values that change.
     *
     * @param name the golden file's name without {@code .txt}
     * @param actual the CLI's output
     * @param mask replaces changing values (times, ports, PIDs, GUIDs) with fixed text
     */
    public static void assertMatches(String name, String actual, UnaryOperator<String> mask) {
        String masked = mask.apply(actual);
        String expected = expected(name);
        if (!masked.equals(expected)) {
            try {
                Path file = Files.createDirectories(Path.of("target", "golden-actual")).resolve(name + ".txt");
                Files.writeString(file, masked, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(masked).as("transcript %s (golden/cli/%s.txt)", name, name).isEqualTo(expected);
    }

    /** @return a mask that changes nothing */
    public static UnaryOperator<String> none() {
        return s -> s;
    }
}
