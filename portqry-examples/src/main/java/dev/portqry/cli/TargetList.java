package dev.portqry.cli;

import dev.portqry.core.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -n}'s value: targets separated by commas, {@code @file} for one target per line
 * ({@code #} comments). A target file is read up to {@link #MAX_FILE_BYTES} and
 * {@link #MAX_TARGETS}, and every target must look like a host name or an IP literal: a file that
 * is not a target list (say {@code @/etc/shadow} under sudo) stops at its first line, and the
 * error quotes that one line only, escaped and cut at {@link #MAX_QUOTED} characters.
 */
final class TargetList {
    /** The most bytes read from a target file. */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** The most targets in one run. */
    static final int MAX_TARGETS = 10_000;
    /** The most characters of a bad value an error quotes. */
    static final int MAX_QUOTED = 80;
    /** RFC 1035 2.3.4: a host name is at most 253 characters in text; an IPv6 literal with a zone stays far below. */
    private static final int MAX_TARGET_CHARS = 255;

    private TargetList() {
    }

    /**
     * @param text {@code -n}'s value, not null
     * @return the targets in order
     * @throws CliException {@link ExitCodes#USAGE} naming {@code -n} (and the file and line) when a
     *         target is not a host name or IP literal, a file cannot be read or exceeds a cap, or
     *         there is no target at all
     */
    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String t = part.trim();
            if (t.startsWith("@")) {
                out.addAll(file(t.substring(1), MAX_TARGETS - out.size()));
            } else if (!t.isEmpty()) {
                if (!plausible(t)) {
                    throw CliException.usage("-n must be host names or IP addresses, was " + quote(t));
                }
                out.add(t);
            }
            if (out.size() > MAX_TARGETS) {
                throw CliException.usage("-n names more than " + MAX_TARGETS + " targets");
            }
        }
        if (out.isEmpty()) {
            throw CliException.usage("-n must name a target, was " + quote(text));
        }
        return out;
    }

    private static List<String> file(String file, int room) {
        String where = "-n @" + file;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            // One byte past the cap tells a file at the cap from a bigger one (or /dev/zero).
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw CliException.usage(where + ": cannot read the target file (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw CliException.usage(where + ": the target file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        List<String> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!plausible(t)) {
                throw CliException.usage(where + ": line " + (i + 1) + " is not a host name or IP address: " + quote(t));
            }
            if (out.size() == room) {
                throw CliException.usage(where + ": more than " + MAX_TARGETS + " targets");
            }
            out.add(t);
        }
        return out;
    }

    /**
     * A host name (letters of any script, digits, {@code . - _}) or an IP literal ({@code :}, a
     * {@code %zone}, {@code [brackets]}); anything else (spaces, controls, {@code $ / = @ ...})
     * cannot be resolved and is more likely a secret than a target.
     */
    static boolean plausible(String t) {
        if (t.length() > MAX_TARGET_CHARS) {
            return false;
        }
        return t.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || ".-_:%[]".indexOf(c) >= 0);
    }

    /** @return the value in quotes, escaped and cut at {@link #MAX_QUOTED} characters */
    static String quote(String value) {
        String e = SafeText.escape(value);
        return "'" + (e.length() <= MAX_QUOTED ? e : e.substring(0, MAX_QUOTED) + "...") + "'";
    }
}
