package dev.portqry.core.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Counts this process's open descriptors (Linux /proc/self/fd), as PortProbeResourceTest does. */
public final class Descriptors {
    private Descriptors() {
    }

    /** @return whether descriptors can be counted here */
    public static boolean countable() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** @return the number of open descriptors */
    public static long count() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    /** @return what each open descriptor points at */
    public static List<String> targets() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    out.add(p.getFileName() + "->" + Files.readSymbolicLink(p));
                } catch (IOException e) {
                    // closed while listing
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return out;
    }

    /**
     * Waits (closes land asynchronously on the event loops) until at most {@code baseline}
     * descriptors are open, or 10 s pass.
     *
     * @return the count at the end
     */
    public static long settle(long baseline) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long n = count();
        while (n > baseline && System.nanoTime() < deadline) {
            Thread.sleep(20);
            n = count();
        }
        return n;
    }
}
