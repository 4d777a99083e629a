package dev.portqry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponderRegistryTest {
    private final ResponderRegistry registry = ResponderRegistry.builder()
            .add(new LineResponder("zeta", 0)).add(new LineResponder("alpha", 0)).add(new LineResponder("high", 5)).build();

    @Test
    void orderIsPriorityThenName() {
        assertThat(registry.responders()).extracting(ProtocolResponder::name).containsExactly("high", "alpha", "zeta");
    }

    @Test
    void wellKnownPortSelectsFirstInOrder() {
        assertThat(registry.select(Protocol.TCP, 7777, Optional.empty())).map(ProtocolResponder::name).contains("high");
    }

    @Test
    void serviceNameSelectsOnAnotherPort() {
        assertThat(registry.select(Protocol.TCP, 1025, Optional.of("LineProto"))).isPresent();
        assertThat(registry.select(Protocol.TCP, 1025, Optional.of("http"))).isEmpty();
        assertThat(registry.select(Protocol.TCP, 1025, Optional.empty())).isEmpty();
    }

    @Test
    void servicesFileMappingSendsTheQueryToAnotherPort() {
        ServiceNames services = ServiceNames.parse(List.of("lineproto 1025/tcp"), "test");
        try (PortProbe p = PortProbe.builder().serviceNames(services).responders(registry).build()) {
            assertThat(p.responderFor(Protocol.TCP, 1025, ProbeOptions.defaults())).map(ProtocolResponder::name).contains("high");
            assertThat(p.responderFor(Protocol.UDP, 1025, ProbeOptions.defaults())).isEmpty();
            ProbeOptions forced = ProbeOptions.builder().responder(ResponderSelection.forced("zeta")).build();
            assertThat(p.responderFor(Protocol.UDP, 9, forced)).map(ProtocolResponder::name).contains("zeta");
            ProbeOptions bogus = ProbeOptions.builder().responder(ResponderSelection.forced("nope")).build();
            assertThatThrownBy(() -> p.responderFor(Protocol.TCP, 9, bogus)).hasMessageContaining("was nope");
        }
    }

    @Test
    void laterRegistrationReplacesTheSameName() {
        LineResponder second = new LineResponder("alpha", 0);
        ResponderRegistry r = ResponderRegistry.builder().add(new LineResponder("alpha", 0)).add(second).build();
        assertThat(r.responders()).containsExactly(second);
        assertThatThrownBy(() -> ResponderRegistry.builder().add(new LineResponder("Bad", 0)))
                .hasMessageContaining("lower case");
    }
}
