package dev.portqry.core;

import dev.portqry.testkit.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.testkit.LoopbackPeer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scans on loopback: complete, ordered, bounded and cancellable. */
class ScanLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ResolvedTarget TARGET = new ResolvedTarget("127.0.0.1", true, List.of(LO), Optional.empty());

    @Test
    void scanFindsTheOpenPortsInOrderWithinTheBound() throws Exception {
        List<ServerSocket> open = new ArrayList<>();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.empty()).build()) {
            for (int i = 0; i < 5; i++) {
                open.add(LoopbackPorts.tcpListener(LO));
            }
            List<PortSpec> specs = new ArrayList<>();
            for (ServerSocket s : open) {
                specs.add(new PortSpec(Protocol.TCP, s.getLocalPort()));
            }
            for (int i = 0; i < 2000; i++) {
                specs.add(new PortSpec(Protocol.TCP, 20000 + i));
            }
            Collections.shuffle(specs, new java.util.Random(7));
            List<Integer> inOrder = new CopyOnWriteArrayList<>();
            ProbeOptions opts = ProbeOptions.builder().maxInFlight(32).build();
            Scan scan = probe.scan(TARGET, specs, opts, new ScanListener() {
                @Override
                public void onResultInOrder(int index, PortStatus status) {
                    inOrder.add(index);
                }
            });
            List<PortStatus> all = scan.completion().get(60, TimeUnit.SECONDS);
            assertThat(all).hasSize(specs.size());
            for (int i = 0; i < specs.size(); i++) {
                assertThat(all.get(i).port()).isEqualTo(specs.get(i).port());
            }
            List<Integer> listening = all.stream().filter(s -> s.state() == PortState.LISTENING).map(PortStatus::port).toList();
            // Other processes may listen in 20000-21999: ours must be found, and nothing else may be missing.
            assertThat(listening).containsAll(open.stream().map(ServerSocket::getLocalPort).toList());
            assertThat(all).allMatch(s -> s.state() == PortState.LISTENING || s.state() == PortState.NOT_LISTENING);
            assertThat(inOrder).hasSize(specs.size()).isSorted();
            assertThat(scan.inFlightHighWater()).isBetween(1, 32);
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
    }

    @Test
    void cancelStopsTheScanAndItsProbes() throws Exception {
        ProbeOptions slow = ProbeOptions.builder().udpTimeout(Duration.ofSeconds(30)).maxInFlight(8).build();
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.empty()).build();
             LoopbackPeer silent = LoopbackPeer.udp(LO, in -> null)) {
            List<PortSpec> specs = Collections.nCopies(100, new PortSpec(Protocol.UDP, silent.port()));
            Scan scan = probe.scan(TARGET, specs, slow, new ScanListener() { });
            scan.cancel();
            assertThat(scan.completion()).isCancelled();
            assertThat(scan.completedCount()).isZero();
            assertThat(scan.inFlightHighWater()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void emptyScanCompletesAtOnce() {
        try (PortProbe probe = PortProbe.builder().responders(ResponderRegistry.empty()).build()) {
            assertThat(probe.scan(TARGET, List.of(), ProbeOptions.defaults(), new ScanListener() { }).completion().join()).isEmpty();
        }
    }

    @Test
    void rangesAreValidated() {
        assertThat(PortSpec.range(Protocol.UDP, 1, 3)).extracting(PortSpec::port).containsExactly(1, 2, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortSpec.range(Protocol.TCP, 9, 2))
                .hasMessage("range must be within 1-65535 with start <= end, was 9:2");
    }
}
