package dev.portqry.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The point of {@code META-INF/services}: the responder is found on the class path with no code
 * naming it, next to the built-in ones, and selected by port and by service name.
 */
class RedisResponderDiscoveryTest {

    @Test
    void serviceLoaderFindsTheResponderBesideTheBuiltInOnes() {
        ResponderRegistry registry = ResponderRegistry.loadDefault();
        assertThat(registry.byName("redis")).get().isInstanceOf(RedisPingResponder.class);
        assertThat(registry.byName("ldap")).isPresent();
    }

    @Test
    void selectedForTcp6379AndForThePortTheServicesFileNamesRedis() {
        ResponderRegistry registry = ResponderRegistry.loadDefault();
        assertThat(registry.select(Protocol.TCP, 6379, Optional.empty()).map(ProtocolResponder::name)).contains("redis");
        assertThat(registry.select(Protocol.TCP, 16379, Optional.of("redis")).map(ProtocolResponder::name)).contains("redis");
        assertThat(registry.select(Protocol.UDP, 6379, Optional.empty())).isEmpty();
    }

    @Test
    void aDefaultPortProbeUsesIt() {
        try (PortProbe probe = PortProbe.builder().build()) {
            assertThat(probe.responderFor(Protocol.TCP, 6379, ProbeOptions.defaults()))
                    .get().isInstanceOf(RedisPingResponder.class);
        }
    }
}
