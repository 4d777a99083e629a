package dev.portqry.protocols.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testbed.Testbed;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Greetings of the testbed's vsftpd, exim4 and dovecot, with the responders the service loader finds. */
class GreetingIT {
    private static Testbed tb;
    private static PortProbe probe;

    @BeforeAll
    static void start() {
        tb = Testbed.require();
        probe = PortProbe.builder().responders(ResponderRegistry.loadDefault()).build();
    }

    @AfterAll
    static void stop() {
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void ftpGreetsAndAcceptsAnonymous() throws Exception {
        GreetingResult g = greeting("ftp", "ftp.address", "ftp.port");
        assertThat(g.protocol()).isEqualTo(GreetingProtocol.FTP);
        assertThat(g.statusCode()).hasValue(220);
        assertThat(g.anonymousAccepted()).isEqualTo(Boolean.parseBoolean(tb.get("ftp.anonymous")));
        assertThat(g.reportLines()).first().isEqualTo("Data returned from port:");
        assertThat(g.reportLines()).contains("USER anonymous");
    }

    @Test
    void smtpGreets() throws Exception {
        GreetingResult g = greeting("smtp", "smtp.address", "smtp.port");
        assertThat(g.statusCode()).hasValue(220);
        assertThat(g.lines()).last().asString().startsWith("220 ").contains("ESMTP");
    }

    @Test
    void pop3Greets() throws Exception {
        GreetingResult g = greeting("pop3", "pop3.address", "pop3.port");
        assertThat(g.status()).isEqualTo("+OK");
        assertThat(g.lines()).singleElement().asString().startsWith("+OK");
    }

    @Test
    void imapGreets() throws Exception {
        GreetingResult g = greeting("imap", "imap.address", "imap.port");
        assertThat(g.status()).isEqualTo("OK");
        assertThat(g.lines()).singleElement().asString().startsWith("* OK");
    }

    @Test
    void forcedResponderOnTheWrongServiceIsUnparseableButListening() throws Exception {
        // The POP3 responder pointed at the SMTP server: "220 ..." is not a POP3 status line.
        ProbeOptions opts = ProbeOptions.builder().responder(ResponderSelection.forced("pop3")).build();
        PortStatus st = probe.probe(tb.address("smtp.address"), Protocol.TCP, tb.port("smtp.port"), opts)
                .get(30, TimeUnit.SECONDS);
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        assertThat(st.result(GreetingResult.class)).isEmpty();
    }

    private static GreetingResult greeting(String responder, String addressKey, String portKey) throws Exception {
        // Forced as well as selected by port: the testbed may run a daemon on a non-standard port.
        ProbeOptions opts = ProbeOptions.builder().responder(ResponderSelection.forced(responder)).build();
        PortStatus st = probe.probe(tb.address(addressKey), Protocol.TCP, tb.port(portKey), opts).get(30, TimeUnit.SECONDS);
        assertThat(st.state()).isEqualTo(PortState.LISTENING);
        assertThat(st.responder()).get().extracting(o -> o.responder()).isEqualTo(responder);
        return st.result(GreetingResult.class).orElseThrow(() -> new AssertionError("no greeting: " + st));
    }
}
