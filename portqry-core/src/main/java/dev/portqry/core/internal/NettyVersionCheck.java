package dev.portqry.core.internal;

import io.netty.util.Version;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses to run on a Netty other than 4.2 with a message that says what was found, where it came
 * from and how to fix it. An application whose other libraries (Lettuce 6, gRPC, an older Spring
 * Boot) pull Netty 4.1 would otherwise get a {@code NoClassDefFoundError} for a 4.2 class such as
 * {@code io.netty.channel.nio.NioIoHandler}, deep inside the first probe.
 *
 * <p>Uses only what Netty 4.1 has too: {@link Version#identify(ClassLoader)} (each Netty jar's
 * {@code META-INF/io.netty.versions.properties}) and one class per module to name its jar.
 */
public final class NettyVersionCheck {
    /** The Netty release this build of portqry was compiled and tested against. */
    public static final String BUILT_AGAINST = "4.2.18.Final";
    private static final String NEEDED_PREFIX = "4.2.";
    /** A class of each Netty module the core runs on, to tell which jar it came from. */
    private static final Map<String, String> PROBE_CLASSES = Map.of(
            "netty-common", "io.netty.util.Version",
            "netty-buffer", "io.netty.buffer.ByteBuf",
            "netty-transport", "io.netty.channel.Channel",
            "netty-transport-classes-epoll", "io.netty.channel.epoll.Epoll");
    /** A class that only Netty 4.2's transport has; the core needs it. */
    private static final String NETTY_42_CLASS = "io.netty.channel.nio.NioIoHandler";
    private static volatile boolean passed;

    private NettyVersionCheck() {
    }

    /**
     * Checks the Netty that {@code PortProbe}'s class loader sees, once per JVM.
     *
     * @throws IllegalStateException naming each Netty module that is not 4.2, its jar, and the fix
     */
    public static void require() {
        if (passed) {
            return;
        }
        ClassLoader loader = NettyVersionCheck.class.getClassLoader();
        Map<String, String> versions = new TreeMap<>();
        Version.identify(loader).forEach((artifact, version) -> versions.put(artifact, version.artifactVersion()));
        String problem = problem(versions, loader);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        passed = true;
    }

    /**
     * @param versions Netty's artifact versions by artifact id, as {@link Version#identify} reports them
     * @param loader where the modules' classes are looked up
     * @return the message for a Netty other than 4.2, or null when it is fine
     */
    static String problem(Map<String, String> versions, ClassLoader loader) {
        Map<String, String> wrong = new TreeMap<>();
        for (Map.Entry<String, String> e : versions.entrySet()) {
            String artifact = e.getKey();
            String version = e.getValue();
            // netty-tcnative and other companions have their own version lines (2.0.x); only 4.x is Netty proper.
            if (artifact.startsWith("netty-") && version.startsWith("4.") && !version.startsWith(NEEDED_PREFIX)) {
                wrong.put(artifact, version);
            }
        }
        boolean has42Transport = loadable(NETTY_42_CLASS, loader);
        if (wrong.isEmpty() && has42Transport) {
            return null;
        }
        if (wrong.isEmpty()) {
            // No version file said so (a repackaged jar, say), but the 4.2 transport class is missing.
            wrong.put("netty-transport", "older than 4.2 (" + NETTY_42_CLASS + " is missing)");
        }
        List<String> found = new ArrayList<>();
        wrong.forEach((artifact, version) -> found.add(artifact + " " + version + from(artifact, loader)));
        return "portqry needs Netty 4.2 (built against " + BUILT_AGAINST + ") but found " + String.join(", ", found)
                + ". Another dependency brought an older Netty onto the class path and the build picked it."
                + " Fix: import io.netty:netty-bom:" + BUILT_AGAINST + " (type pom, scope import) in your"
                + " dependencyManagement, or in Gradle use platform(\"io.netty:netty-bom:" + BUILT_AGAINST + "\");"
                + " see portqry's README, 'Running next to other Netty users'.";
    }

    private static String from(String artifact, ClassLoader loader) {
        String className = PROBE_CLASSES.get(artifact);
        if (className == null) {
            return "";
        }
        try {
            CodeSource source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            return location == null ? "" : " (from " + location + ")";
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return "";
        }
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
