package dev.portqry.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * Minimal stand-in for the testbed engineer's class (same contract): the real peers' addresses
 * and ports from {@code target/testbed/testbed.properties}; tests are skipped when it is absent.
 */
public final class Testbed {
    private final Properties props;

    private Testbed(Properties props) {
        this.props = props;
    }

    /** @return the testbed, or aborts the calling test (skipped) when it is not up */
    public static Testbed require() {
        String file = System.getProperty("portqry.testbed", "target/testbed/testbed.properties");
        Path p = Path.of(file);
        Assumptions.assumeTrue(Files.isReadable(p), "testbed not up (no " + p + "); run scripts/testbed-up.sh as root");
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
        } catch (IOException e) {
            Assumptions.abort("testbed properties unreadable: " + e);
        }
        return new Testbed(props);
    }

    /** @param key a key @return its value; aborts the test when missing */
    public String get(String key) {
        String v = props.getProperty(key);
        Assumptions.assumeTrue(v != null && !v.isBlank(), "testbed has no " + key);
        return v.trim();
    }

    /** @param key a key @return its value as a port */
    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    /** @param key a key @return its value as an address literal */
    public InetAddress address(String key) {
        try {
            return InetAddress.getByName(get(key));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(key + " is not an address", e);
        }
    }
}
