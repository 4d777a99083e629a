package dev.portqry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This computer's name, found without any name lookup on the network. */
final class LocalHost {
    private LocalHost() {
    }

    /** @return the kernel's host name on Linux, else {@code COMPUTERNAME} or {@code HOSTNAME}, else {@code unknown} */
    static String name() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) {
                String n = Files.readString(kernel, StandardCharsets.US_ASCII).trim();
                if (!n.isEmpty()) {
                    return n;
                }
            }
        } catch (IOException e) {
            // Fall through to the environment.
        }
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "unknown";
    }
}
