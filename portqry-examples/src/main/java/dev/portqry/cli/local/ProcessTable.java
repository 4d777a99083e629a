package dev.portqry.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links socket inodes to processes through {@code /proc/<pid>/fd} (links named
 * {@code socket:[inode]}), and reads a process's name, command line and mapped files. Processes
 * this user may not inspect are skipped: their sockets show no owner.
 */
public final class ProcessTable {
    private final Path root;

    /** @param root the proc file system, normally {@code /proc} */
    public ProcessTable(Path root) {
        this.root = root;
    }

    /**
     * @return socket inode to owning process id, for every process readable
     */
    public Map<Long, Long> socketOwners() {
        Map<Long, Long> owners = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(root, "[0-9]*")) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                socketInodes(pid).forEach(inode -> owners.putIfAbsent(inode, pid));
            }
        } catch (IOException | RuntimeException e) {
            // A /proc we cannot list gives no owners; the sockets still print.
        }
        return owners;
    }

    /**
     * @param pid a process id
     * @return the inodes of its sockets; empty when it is gone or unreadable
     */
    public Set<Long> socketInodes(long pid) {
        Set<Long> out = new LinkedHashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(root.resolve(pid + "/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && target.endsWith("]")) {
                        out.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException e) {
                    // The descriptor closed while we read: skip it.
                }
            }
        } catch (IOException e) {
            // The process exited or is not ours to read.
        }
        return out;
    }

    /**
     * @param pid a process id
     * @return its name ({@code comm}), empty when it is gone
     */
    public Optional<String> name(long pid) {
        try {
            return Optional.of(Files.readString(root.resolve(pid + "/comm"), StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param pid a process id
     * @return its command line, arguments joined by spaces; empty when it is gone or a kernel thread
     */
    public Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(root.resolve(pid + "/cmdline"));
            String s = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A file mapped into a process, as PortQry's {@code Loaded modules:} lists it.
     *
     * @param path the file
     * @param base the lowest address it is mapped at
     */
    public record Module(String path, long base) {
        /** @return e.g. {@code /usr/lib/x86_64-linux-gnu/libc.so.6 (0x7F3A2B400000)} */
        @Override
        public String toString() {
            return path + " (0x" + String.format("%08X", base) + ")";
        }
    }

    /**
     * @param pid a process id
     * @return the files mapped into it ({@code maps}), each once, in the order of their lowest
     *         address; empty when the map cannot be read (another user's process, or gone)
     */
    public Optional<List<Module>> modules(long pid) {
        Map<String, Long> base = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(root.resolve(pid + "/maps"), StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+", 6);
                if (f.length == 6 && f[5].startsWith("/")) {
                    long start = Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
                    base.merge(f[5], start, (a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<Module> out = new ArrayList<>();
        base.forEach((path, start) -> out.add(new Module(path, start)));
        out.sort((a, b) -> Long.compareUnsigned(a.base(), b.base()));
        return Optional.of(out);
    }

    /**
     * @param pid a process id
     * @return the systemd service it runs in ({@code /proc/PID/cgroup} ending in {@code .service}), if any
     */
    public Optional<String> serviceName(long pid) {
        try {
            for (String line : Files.readAllLines(root.resolve(pid + "/cgroup"), StandardCharsets.UTF_8)) {
                String path = line.substring(line.lastIndexOf(':') + 1);
                String unit = path.substring(path.lastIndexOf('/') + 1);
                if (unit.endsWith(".service")) {
                    return Optional.of(unit);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
