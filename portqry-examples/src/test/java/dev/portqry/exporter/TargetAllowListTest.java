package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetAllowListTest {
    private static List<InetAddress> addrs(String... literals) throws Exception {
        InetAddress[] out = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            out[i] = InetAddress.getByName(literals[i]);
        }
        return List.of(out);
    }

    @Test
    void emptyListAllowsLoopbackOnly() throws Exception {
        TargetAllowList l = TargetAllowList.LOOPBACK_ONLY;
        assertThat(l.allowsAddresses(addrs("127.0.0.1", "::1"))).isTrue();
        assertThat(l.allowsAddresses(addrs("127.0.0.1", "10.0.0.1"))).isFalse();
        assertThat(l.allowsAddresses(List.of())).isFalse();
        assertThat(l.allowsName("localhost")).isFalse();
        assertThat(l.hasAddressRules()).isTrue();
    }

    @Test
    void blocksAndPatterns() throws Exception {
        TargetAllowList l = TargetAllowList.of(List.of("10.20.0.0/16", "fd00::/8", "192.0.2.7", "*.corp.example.test", "dc?"));
        assertThat(l.allowsAddresses(addrs("10.20.255.1"))).isTrue();
        assertThat(l.allowsAddresses(addrs("10.21.0.1"))).isFalse();
        assertThat(l.allowsAddresses(addrs("fd12::1"))).isTrue();
        assertThat(l.allowsAddresses(addrs("192.0.2.7"))).isTrue();
        assertThat(l.allowsAddresses(addrs("192.0.2.8"))).isFalse();
        assertThat(l.allowsAddresses(addrs("::ffff:10.20.0.9"))).isTrue();
        assertThat(l.allowsAddresses(addrs("127.0.0.1"))).isFalse();
        assertThat(l.allowsName("DC1.Corp.Example.Test")).isTrue();
        assertThat(l.allowsName("corp.example.test")).isFalse();
        assertThat(l.allowsName("dc2")).isTrue();
        assertThat(l.allowsName("dc22")).isFalse();
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> TargetAllowList.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TargetAllowList.of(List.of("bad name!"))).hasMessageContaining("bad name!");
        assertThatThrownBy(() -> TargetAllowList.of(List.of(" "))).hasMessageContaining("empty");
    }
}
