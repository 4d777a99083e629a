package dev.portqry.core.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The open-file limit, where the JVM can tell it: a scan's default bound on sockets in flight comes from it. */
public final class FileLimits {
    /** Used when the platform does not report its limits. */
    static final int UNKNOWN_DEFAULT = 256;
    /** Upper end of the default: beyond this, more sockets in flight buy no speed on 2 cores. */
    static final int MAX_DEFAULT = 4096;

    private FileLimits() {
    }

    /**
     * @return half of the file descriptors still free under the process limit, between 1 and
     *         {@value #MAX_DEFAULT}; {@value #UNKNOWN_DEFAULT} where the limit is unknown; 1 when
     *         no descriptor is free (the JVM counts them by opening /proc/self/fd, which then fails)
     */
    public static int defaultMaxInFlight() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long open;
            try {
                open = unix.getOpenFileDescriptorCount();
            } catch (InternalError e) {
                return 1; // EMFILE: the scan's probes will fail with a typed exception each
            }
            long free = unix.getMaxFileDescriptorCount() - open;
            return (int) Math.max(1, Math.min(MAX_DEFAULT, free / 2));
        }
        return UNKNOWN_DEFAULT;
    }
}
