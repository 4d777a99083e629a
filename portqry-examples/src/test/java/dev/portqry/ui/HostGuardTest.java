package dev.portqry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostGuardTest {
    private static final HostGuard LOOPBACK = new HostGuard(InetAddress.getLoopbackAddress(), 8135);

    @ParameterizedTest
    @CsvSource({"127.0.0.1:8135", "localhost:8135", "LOCALHOST:8135"})
    void acceptsThePagesOwnHost(String host) {
        assertThat(LOOPBACK.reject(host, null)).isEmpty();
        assertThat(LOOPBACK.reject(host, "http://" + host)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "evil.example:8135",       // DNS rebinding: a name that now points at 127.0.0.1
            "127.0.0.1:8136",          // another port
            "127.0.0.1",               // no port: 80
            "127.0.0.2:8135",          // another loopback address than the bound one
            "[::1]:8135",              // not the bound address
            "127.0.0.1:x",
            "::1:8135"})               // IPv6 without brackets
    void refusesAnyOtherHost(String host) {
        assertThat(LOOPBACK.reject(host, null)).hasValueSatisfying(m -> assertThat(m).contains("Host"));
    }

    @Test
    void refusesAMissingHost() {
        assertThat(LOOPBACK.reject(null, null)).contains("the request has no Host header");
    }

    @ParameterizedTest
    @CsvSource({"http://evil.example", "null", "https://127.0.0.1:8135", "http://localhost:8135", "http://127.0.0.1:8135/x"})
    void refusesAnOriginThatIsNotThePage(String origin) {
        assertThat(LOOPBACK.reject("127.0.0.1:8135", origin)).hasValueSatisfying(m -> assertThat(m).startsWith("Origin " + origin));
    }

    @Test
    void ipv6LoopbackAndWildcardBinds() throws Exception {
        HostGuard v6 = new HostGuard(InetAddress.getByName("::1"), 8135);
        assertThat(v6.reject("[::1]:8135", "http://[::1]:8135")).isEmpty();
        assertThat(v6.reject("[0:0:0:0:0:0:0:1]:8135", null)).isEmpty();
        assertThat(v6.reject("127.0.0.1:8135", null)).isPresent();

        HostGuard any = new HostGuard(InetAddress.getByName("0.0.0.0"), 8135);
        assertThat(any.reject("127.0.0.1:8135", null)).isEmpty();
        assertThat(any.reject("localhost:8135", null)).isEmpty();
        assertThat(any.reject("evil.example:8135", null)).isPresent();
        assertThat(any.reject("192.0.2.1:8135", null)).as("not an address of this computer").isPresent();
    }
}
