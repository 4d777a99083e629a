package dev.portqry.protocols.ike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortQryException;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.greeting.LocalDaemon;
import dev.portqry.protocols.ike.internal.IkeSaInitRequest;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against strongSwan's charon, started here in the foreground with a private strongswan.conf
 * ({@code STRONGSWAN_CONF}) on two free loopback ports, and one connection added with
 * {@code stroke add}. Charon's pid file is fixed at /var/run/charon.pid, so it runs in its own
 * mount namespace with a private /run ({@code unshare --mount}); that needs root. Skipped when
 * charon or root is missing.
 *
 * <p>Charon treats a packet as plain IKE only when one of its ports is 500 (receiver.c); on
 * other ports it expects the non-ESP marker, so these probes set {@link IkeResponder#NON_ESP_MARKER},
 * except the one sent from source port 500.
 */
class IkeIT {
    private static Path dir;
    private static LocalDaemon charon;
    private static int ikePort;
    private static int natTPort;
    private static PortProbe probe;

    @BeforeAll
    static void start() throws Exception {
        Path bin = LocalDaemon.require("charon", "strongswan-charon");
        Path stroke = LocalDaemon.require("stroke", "strongswan-starter or strongswan-charon");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "charon needs root (netlink, unshare)");
        dir = Files.createTempDirectory("pq-charon");
        ikePort = LocalDaemon.freeUdpPort();
        natTPort = LocalDaemon.freeUdpPort();
        Path conf = dir.resolve("strongswan.conf");
        Files.writeString(conf, String.join("\n",
                "charon {",
                "  port = " + ikePort,
                "  port_nat_t = " + natTPort,
                "  install_routes = no",
                "  install_virtual_ip = no",
                "  load = random nonce aes sha1 sha2 hmac gmp openssl kernel-netlink socket-default pem pkcs1 pubkey x509 stroke",
                "  plugins { stroke { socket = unix://" + dir.resolve("charon.ctl") + " } }",
                "  filelog { stderr { default = 1 } }",
                "}", ""));
        Map<String, String> env = Map.of("STRONGSWAN_CONF", conf.toString());
        charon = LocalDaemon.startUdp(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs none /run && exec " + bin), env, dir, natTPort);
        Path ctl = dir.resolve("charon.ctl");
        for (int i = 0; i < 100 && !Files.exists(ctl); i++) {
            Thread.sleep(100);
        }
        ProcessBuilder add = new ProcessBuilder(stroke.toString(), "add", "probe", "gw@portqry.test", "client@portqry.test",
                "127.0.0.1", "127.0.0.1", "10.98.1.0/24", "10.98.2.0/24").redirectErrorStream(true)
                .redirectOutput(dir.resolve("stroke.log").toFile());
        add.environment().putAll(env);
        assertThat(add.start().waitFor(20, TimeUnit.SECONDS)).isTrue();
        probe = PortProbe.builder().responders(ResponderRegistry.loadDefault()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (probe != null) {
            probe.close();
        }
        if (charon != null) {
            charon.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void natTraversalPortAnswersIkeSaInit() throws Exception {
        IkeResult r = result(natTPort, options().set(IkeResponder.NON_ESP_MARKER, true).build());
        assertThat(r.version()).isEqualTo("2.0");
        assertThat(r.exchangeType()).isEqualTo(IkeExchangeType.IKE_SA_INIT);
        assertThat(r.chosenProposal()).as(charon.output()).isPresent();
        assertThat(r.keGroup()).hasValue(IkeSaInitRequest.KE_GROUP);
        assertThat(r.nonEspMarker()).isTrue();
    }

    @Test
    void ikePortAnswersToo() throws Exception {
        IkeResult r = result(ikePort, options().set(IkeResponder.NON_ESP_MARKER, true).build());
        assertThat(r.responderSpi()).isNotEqualTo("0000000000000000");
    }

    @Test
    void sourcePort500AsPortQrySendsIt() throws Exception {
        ProbeOptions opts = options().sourcePort(500).build();
        if (!free(500)) {
            // A local IKE daemon holds 500: the engine's clear error is the expected outcome.
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, ikePort, opts).get(30, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(PortQryException.class).hasMessageContaining("source port 500 is in use");
            return;
        }
        IkeResult r = result(ikePort, opts);
        assertThat(r.nonEspMarker()).isFalse();
        assertThat(r.chosenProposal()).isPresent();
    }

    private static ProbeOptions.Builder options() {
        return ProbeOptions.builder().responder(ResponderSelection.forced("ike"));
    }

    private static IkeResult result(int port, ProbeOptions opts) throws Exception {
        PortStatus st = probe.probe(InetAddress.getByName("127.0.0.1"), Protocol.UDP, port, opts).get(30, TimeUnit.SECONDS);
        assertThat(st.state()).as(charon.output()).isEqualTo(PortState.LISTENING);
        return st.result(IkeResult.class).orElseThrow(() -> new AssertionError(st + "\n" + charon.output()));
    }

    private static boolean free(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
