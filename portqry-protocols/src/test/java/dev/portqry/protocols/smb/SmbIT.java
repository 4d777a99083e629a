package dev.portqry.protocols.smb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The testbed DC's SMB on 445 (direct) and 139 (NetBIOS session): SMB 3.1.1 with signing required. */
class SmbIT {

    @ParameterizedTest
    @ValueSource(ints = {445, 139})
    void domainControllerNegotiates311WithSigning(int port) throws Exception {
        Testbed tb = Testbed.require();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new SmbResponder()).build()).build()) {
            PortStatus st = probe.probe(tb.address("dc.address"), Protocol.TCP, port).get();
            assertThat(st.state()).isEqualTo(PortState.LISTENING);
            SmbResult r = st.result(SmbResult.class).orElseThrow(() -> new AssertionError(st.toString()));
            // Samba 4.17 picks the highest dialect offered.
            assertThat(r.dialect()).contains(SmbDialect.SMB_3_1_1);
            Smb2NegotiateResponse n = r.negotiate().orElseThrow();
            assertThat(n.signingEnabled()).isTrue();
            // An AD DC requires signing ("server signing = mandatory" is Samba's DC default).
            assertThat(n.signingRequired()).isTrue();
            assertThat(n.systemTime()).isPresent();
        }
    }
}
