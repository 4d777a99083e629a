package dev.portqry.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Minimal stand-in for the testbed engineer's class (same contract): the real peers' addresses,
 * ports and names, read from the properties file named by the {@code portqry.testbed} system
 * property. The lead keeps the testbed engineer's version on merge.
 */
public final class Testbed {
    private final Properties props;

    private Testbed(Properties props) {
        this.props = props;
    }

    /**
     * @return the testbed
     * @throws IllegalStateException when the properties file is missing
     */
    public static Testbed require() {
        String file = System.getProperty("portqry.testbed", "target/testbed/testbed.properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("testbed properties not found at " + file + ": start the testbed first", e);
        }
        return new Testbed(p);
    }

    /** @return the value of {@code key}, never null */
    public String get(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("testbed property " + key + " is not set");
        }
        return v.trim();
    }

    /** @return the value of {@code key} as a port */
    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    /** @return the value of {@code key} as an address literal */
    public InetAddress address(String key) {
        try {
            return InetAddress.getByName(get(key));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("testbed property " + key + " is not an address: " + get(key), e);
        }
    }
}
