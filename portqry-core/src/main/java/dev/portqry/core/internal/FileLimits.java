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
     *         {@value #MAX_DEFAULT}; {@value #UNKNOWN_DEFAULT} where the limit is unknown
     */
    public static int defaultMaxInFlight() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
            return (int) Math.max(1, Math.min(MAX_DEFAULT, free / 2));
        }
        return UNKNOWN_DEFAULT;
    }
}
