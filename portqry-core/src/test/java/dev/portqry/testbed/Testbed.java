package dev.portqry.testbed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The real-peer testbed as the integration tests see it: addresses, ports, realm and community
 * read from the one properties file that {@code scripts/testbed-up.sh} writes
 * ({@code target/testbed/testbed.properties}; its keys are listed in {@code testbed/README.md}).
 *
 * <p>Integration tests ({@code *IT}) start with {@link #require()}, which skips them, rather than
 * failing them, when no testbed runs:
 *
 * <pre>{@code
 * Testbed tb = Testbed.require();
 * try (Socket s = new Socket()) {
 *   s.connect(tb.socketAddress("dc.address", 389), 2000);
 * }
 * }</pre>
 *
 * <p>The file is found through the system property {@value #PROPERTY} (the build sets it for
 * failsafe); without it, {@code target/testbed/testbed.properties} in the working directory or
 * the nearest parent that has one. Instances are immutable and thread-safe.
 */
public final class Testbed {

  /** System property naming the properties file written by {@code scripts/testbed-up.sh}. */
  public static final String PROPERTY = "portqry.testbed";

  /**
   * System property that, when {@code true}, turns a missing testbed into a failure instead of a
   * skip; {@code scripts/test.sh} sets it once it has brought the testbed up, so that a testbed the
   * tests cannot find never passes as "all skipped".
   */
  public static final String REQUIRED_PROPERTY = "portqry.testbed.required";

  /** Where the file lives relative to the repository root. */
  static final Path DEFAULT_RELATIVE = Path.of("target", "testbed", "testbed.properties");

  // Literal addresses only: a host name here would make a test send a DNS query.
  private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private static volatile Testbed cached;

  private final Path file;
  private final Properties properties;

  private Testbed(Path file, Properties properties) {
    this.file = file;
    this.properties = properties;
  }

  /**
   * Returns the running testbed, or aborts the calling test through JUnit's
   * {@code Assumptions.assumeTrue} (the test is reported as skipped) when its properties file is
   * missing, unless {@value #REQUIRED_PROPERTY} is {@code true}.
   *
   * @return the testbed, never {@code null}
   * @throws IllegalStateException if the file is missing and {@value #REQUIRED_PROPERTY} is set
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public static Testbed require() {
    Testbed tb = cached;
    if (tb != null && Files.isRegularFile(tb.file)) {
      return tb;
    }
    Path path = location();
    if (Boolean.getBoolean(REQUIRED_PROPERTY) && !Files.isRegularFile(path)) {
      throw new IllegalStateException("testbed required (" + REQUIRED_PROPERTY + "=true) but "
          + path + " is missing");
    }
    assumeTrue(Files.isRegularFile(path),
        () -> "testbed not running: " + path + " missing — run bash scripts/test.sh as root");
    tb = load(path);
    cached = tb;
    return tb;
  }

  /**
   * Reads a testbed properties file.
   *
   * @param path the file, not {@code null}
   * @return the testbed it describes, never {@code null}
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Testbed load(Path path) {
    Objects.requireNonNull(path, "path");
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read testbed properties " + path, e);
    }
    return new Testbed(path.toAbsolutePath(), properties);
  }

  /**
   * Where the properties file is expected: the {@value #PROPERTY} system property if set, else
   * {@code target/testbed/testbed.properties} under the working directory or its nearest parent
   * holding one (so a test started from an IDE in a module directory finds it too).
   *
   * @return the expected path, never {@code null}; the file may not exist
   */
  public static Path location() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_RELATIVE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return start.resolve(DEFAULT_RELATIVE);
  }

  /**
   * Returns the value of a key.
   *
   * @param key a key such as {@code dc.realm}, not {@code null}
   * @return its value, trimmed, never {@code null}
   * @throws IllegalStateException if the file has no such key
   */
  public String get(String key) {
    Objects.requireNonNull(key, "key");
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("testbed key " + key + " missing in " + file);
    }
    return value.trim();
  }

  /**
   * Returns a key's value as a port number.
   *
   * @param key a key such as {@code snmp.port}, not {@code null}
   * @return the port, 1-65535
   * @throws IllegalStateException if the key is missing or not a port number
   */
  public int port(String key) {
    String value = get(key);
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("testbed key " + key + " must be a port, was " + value, e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalStateException("testbed key " + key + " must be 1-65535, was " + port);
    }
    return port;
  }

  /**
   * Returns a key's value as an IP address. Only literal addresses are accepted, so that no name
   * lookup ever happens.
   *
   * @param key a key such as {@code ns.address}, not {@code null}
   * @return the address, never {@code null}
   * @throws IllegalStateException if the key is missing or not a literal IPv4 or IPv6 address
   */
  public InetAddress address(String key) {
    String value = get(key);
    if (!LITERAL_ADDRESS.matcher(value).matches()) {
      throw new IllegalStateException("testbed key " + key + " must be a literal IP address, was " + value);
    }
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("testbed key " + key + " is not an IP address: " + value, e);
    }
  }

  /**
   * Combines an address key with a port.
   *
   * @param addressKey a key holding a literal address, not {@code null}
   * @param port the port, 1-65535
   * @return the socket address, never {@code null}
   * @throws IllegalStateException if the key is missing or not a literal address
   */
  public InetSocketAddress socketAddress(String addressKey, int port) {
    return new InetSocketAddress(address(addressKey), port);
  }

  /**
   * Combines an address key with a port key.
   *
   * @param addressKey a key holding a literal address, not {@code null}
   * @param portKey a key holding a port, not {@code null}
   * @return the socket address, never {@code null}
   * @throws IllegalStateException if a key is missing or malformed
   */
  public InetSocketAddress socketAddress(String addressKey, String portKey) {
    return socketAddress(addressKey, port(portKey));
  }

  /**
   * Returns the properties file this testbed was read from.
   *
   * @return its absolute path, never {@code null}
   */
  public Path file() {
    return file;
  }

  @Override
  public String toString() {
    return "Testbed[" + file + ", " + properties.size() + " keys]";
  }
}
