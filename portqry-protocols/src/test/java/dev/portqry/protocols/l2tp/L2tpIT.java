package dev.portqry.protocols.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.greeting.LocalDaemon;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against xl2tpd, started here in the foreground ({@code xl2tpd -D -c CONF -p PID -C CONTROL})
 * on a free loopback port; skipped when xl2tpd is not installed. Its LNS section never hands
 * out an address: the probe tears the tunnel down before any session.
 */
class L2tpIT {

    @Test
    void xl2tpdAnswersSccrp(@TempDir Path dir) throws Exception {
        L2tpResult r = probe(dir, false).result(L2tpResult.class).orElseThrow();
        assertThat(r.messageType()).isEqualTo(L2tpMessageType.SCCRP);
        assertThat(r.hostName()).contains("portqry-lns");
        assertThat(r.vendorName()).contains("xelerance.com");
        assertThat(r.protocolVersion()).contains("1.0");
    }

    @Test
    void xl2tpdWithAccessControlRefusesWithStopCcn(@TempDir Path dir) throws Exception {
        L2tpResult r = probe(dir, true).result(L2tpResult.class).orElseThrow();
        assertThat(r.messageType()).isEqualTo(L2tpMessageType.STOPCCN);
        assertThat(r.resultCode()).get().extracting(L2tpResultCode::message).isEqualTo("No Authorization");
    }

    private static PortStatus probe(Path dir, boolean accessControl) throws Exception {
        Path xl2tpd = LocalDaemon.require("xl2tpd", "xl2tpd");
        int port = LocalDaemon.freeUdpPort();
        Path conf = dir.resolve("xl2tpd.conf");
        Files.writeString(conf, String.join("\n",
                "[global]",
                "listen-addr = 127.0.0.1",
                "port = " + port,
                "access control = " + (accessControl ? "yes" : "no"),
                "force userspace = yes",
                "",
                "[lns default]",
                "ip range = 10.99.0.2-10.99.0.20",
                "local ip = 10.99.0.1",
                "hostname = portqry-lns",
                ""));
        List<String> cmd = List.of(xl2tpd.toString(), "-D", "-c", conf.toString(), "-p", dir.resolve("xl2tpd.pid").toString(),
                "-C", dir.resolve("l2tp-control").toString());
        try (LocalDaemon d = LocalDaemon.startUdp(cmd, Map.of(), dir, port);
             PortProbe probe = PortProbe.builder().responders(ResponderRegistry.loadDefault()).build()) {
            ProbeOptions opts = ProbeOptions.builder().responder(ResponderSelection.forced("l2tp")).build();
            PortStatus st = probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, port, opts).get(30, TimeUnit.SECONDS);
            assertThat(st.state()).as(d.output()).isEqualTo(PortState.LISTENING);
            return st;
        }
    }
}
