package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The testbed's Samba KDC on TCP and UDP 88 answers the AS-REQ with a KRB-ERROR for its realm. */
class KerberosIT {

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void kdcAnswersForItsRealm(Protocol protocol) throws Exception {
        Testbed tb = Testbed.require();
        String realm = tb.get("dc.realm");
        ProbeOptions opts = ProbeOptions.builder().set(KerberosResponder.REALM, realm).udpTimeout(Duration.ofSeconds(2)).build();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new KerberosResponder()).build()).build()) {
            PortStatus st = probe.probe(tb.address("dc.address"), protocol, 88, opts).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            KerberosResult r = st.result(KerberosResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            assertThat(r.reply().realm()).isEqualTo(realm);
            assertThat(r.errorCode()).contains(KerberosErrorCode.KDC_ERR_C_PRINCIPAL_UNKNOWN);
            assertThat(r.realmRefused()).isFalse();
            assertThat(r.clockSkew().orElseThrow().abs()).isLessThan(Duration.ofMinutes(5));
        }
    }
}
