package dev.portqry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortStatus;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UdpPacer} on a virtual clock: an embedded event loop whose ticker only moves when the
 * test says so, and re-probes that answer at once. No sockets and no waiting, so the pacing
 * (never two re-probes within one ICMP interval, the budget, the firewall shortcut) is checked
 * exactly rather than timed.
 */
class UdpPacerTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration NANO = Duration.ofNanos(1);

    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
    private final List<Integer> launched = new ArrayList<>();
    private final Map<Integer, PortStatus> delivered = new LinkedHashMap<>();
    private boolean done;

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    /** A documentation address (RFC 5737): nothing is sent anywhere, but the pacer skips loopback hosts. */
    private static InetAddress host() throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
    }

    private static PortStatus status(int port, PortState state) throws UnknownHostException {
        return new PortStatus(host(), Protocol.UDP, port, state, state, Optional.empty(), 1, Duration.ofMillis(5),
                state == PortState.NOT_LISTENING ? "ICMP port unreachable" : "no response", Optional.empty());
    }

    private UdpPacer pacer(Duration budget, IntFunction<PortState> reprobe) {
        ProbeOptions opts = ProbeOptions.builder().icmpInterval(INTERVAL).udpPacingBudget(budget).build();
        return new UdpPacer(index -> {
            launched.add(index);
            try {
                return CompletableFuture.completedFuture(status(index, reprobe.apply(index)));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }, channel.eventLoop(), opts);
    }

    /** Holds {@code icmp} ports that answered ICMP and {@code silent} silent ones (indexes 100, 101...). */
    private void firstWave(UdpPacer pacer, int icmp, int silent) throws UnknownHostException {
        for (int i = 0; i < icmp; i++) {
            assertThat(pacer.hold(i, status(i, PortState.NOT_LISTENING))).isFalse();
        }
        for (int i = 0; i < silent; i++) {
            assertThat(pacer.hold(100 + i, status(100 + i, PortState.LISTENING_OR_FILTERED))).isTrue();
        }
    }

    private void start(UdpPacer pacer) {
        pacer.start(delivered::put, () -> done = true);
        runDue();
    }

    private void advance(Duration d) {
        ticker.advance(d.toNanos(), TimeUnit.NANOSECONDS);
        runDue();
    }

    private void runDue() {
        for (int i = 0; i < 100; i++) {
            channel.runPendingTasks();
            channel.runScheduledPendingTasks();
            if (!channel.hasPendingTasks()) {
                return;
            }
        }
    }

    @Test
    void reprobesEachHeldPortOneIcmpIntervalAfterTheLast() throws Exception {
        UdpPacer pacer = pacer(Duration.ofMinutes(10), i -> PortState.NOT_LISTENING);
        firstWave(pacer, 5, 4);
        start(pacer);
        for (int expected = 1; expected <= 4; expected++) {
            advance(INTERVAL.minus(NANO));
            assertThat(launched).as("re-probes before interval %d has passed", expected).hasSize(expected - 1);
            advance(NANO);
            assertThat(launched).as("re-probes once interval %d has passed", expected).hasSize(expected);
        }
        assertThat(launched).containsExactly(100, 101, 102, 103);
        assertThat(done).isTrue();
        assertThat(delivered).containsOnlyKeys(100, 101, 102, 103);
        assertThat(delivered.values()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(PortState.NOT_LISTENING);
            assertThat(s.reason()).contains("on a paced re-probe");
            assertThat(s.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aHostThatSentNoIcmpKeepsItsSilentPortsWithoutReprobing() throws Exception {
        UdpPacer pacer = pacer(Duration.ofMinutes(10), i -> PortState.NOT_LISTENING);
        firstWave(pacer, 0, 3);
        start(pacer);
        assertThat(launched).isEmpty();
        assertThat(done).isTrue();
        assertThat(delivered.values()).extracting(PortStatus::state).containsOnly(PortState.LISTENING_OR_FILTERED);
    }

    @Test
    void theSampleDecidesAFirewallWhenNoneOfItsReprobesIsAnswered() throws Exception {
        UdpPacer pacer = pacer(Duration.ofMinutes(10), i -> PortState.LISTENING_OR_FILTERED);
        firstWave(pacer, 2, 6);
        start(pacer);
        advance(INTERVAL.multipliedBy(3));
        assertThat(launched).as("only the sample of three is re-probed").containsExactly(100, 101, 102);
        assertThat(done).isTrue();
        assertThat(delivered).hasSize(6);
        assertThat(delivered.values()).extracting(PortStatus::state).containsOnly(PortState.LISTENING_OR_FILTERED);
    }

    @Test
    void portsLeftWhenTheBudgetIsSpentAreDeliveredAsTheyWere() throws Exception {
        UdpPacer pacer = pacer(Duration.ofMillis(1), i -> PortState.NOT_LISTENING);
        firstWave(pacer, 2, 6);
        start(pacer);
        advance(INTERVAL.multipliedBy(3));
        assertThat(launched).containsExactly(100, 101, 102);
        assertThat(done).isTrue();
        assertThat(delivered).hasSize(6);
        assertThat(delivered.get(103).state()).isEqualTo(PortState.LISTENING_OR_FILTERED);
        assertThat(delivered.get(103).reason()).contains("the UDP pacing budget was spent");
        advance(INTERVAL.multipliedBy(10));
        assertThat(launched).hasSize(3);
    }

    @Test
    void loopbackAndAnsweredPortsAreNeverHeld() throws Exception {
        UdpPacer pacer = pacer(Duration.ofMinutes(10), i -> PortState.NOT_LISTENING);
        PortStatus loopback = new PortStatus(InetAddress.getLoopbackAddress(), Protocol.UDP, 9, PortState.LISTENING_OR_FILTERED,
                PortState.LISTENING_OR_FILTERED, Optional.empty(), 1, Duration.ZERO, "no response", Optional.empty());
        assertThat(pacer.hold(1, loopback)).isFalse();
        assertThat(pacer.hold(2, status(53, PortState.NOT_LISTENING))).isFalse();
        assertThat(pacer.hasHeld()).isFalse();
    }
}
