package dev.portqry.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
     * @param pid a process id
     * @return the files mapped into it ({@code maps}), each once, in address order; empty when unreadable
     */
    public List<String> mappedFiles(long pid) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(root.resolve(pid + "/maps"), StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+", 6);
                if (f.length == 6 && f[5].startsWith("/")) {
                    out.add(f[5]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return new ArrayList<>(out);
    }
}
