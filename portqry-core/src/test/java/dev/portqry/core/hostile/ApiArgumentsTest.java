package dev.portqry.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortSpec;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.ScanListener;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.core.spi.ResponderSetting;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid argument to the public API fails at once with one clear message naming the
 * argument: a table of call, exception type and exact message.
 */
class ApiArgumentsTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ProbeOptions OPTS = ProbeOptions.defaults();
    private static final ResolvedTarget TARGET = new ResolvedTarget("127.0.0.1", true, List.of(LO), Optional.empty());
    private static PortProbe probe;
    private static PortProbe closed;

    @BeforeAll
    static void start() {
        probe = PortProbe.builder().responders(ResponderRegistry.builder().add(new FramedResponder()).build()).build();
        closed = PortProbe.builder().responders(ResponderRegistry.empty()).build();
        closed.close();
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    /** A call that must fail. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    private static Arguments row(String what, Class<? extends Throwable> type, String message, Call call) {
        return Arguments.of(what, type, message, call);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Stream<Arguments> calls() {
        ProbeOptions.Builder b = ProbeOptions.builder();
        PortProbe.Builder pb = PortProbe.builder();
        ResponderSetting raw = FramedResponder.WORD;
        return Stream.of(
                row("tcpConnectTimeout null", NullPointerException.class, "tcpConnectTimeout", () -> b.tcpConnectTimeout(null)),
                row("tcpConnectTimeout 0", IllegalArgumentException.class, "tcpConnectTimeout must be between 1 ms and 10 min, was PT0S", () -> b.tcpConnectTimeout(Duration.ZERO)),
                row("tcpConnectTimeout negative", IllegalArgumentException.class, "tcpConnectTimeout must be between 1 ms and 10 min, was PT-1S", () -> b.tcpConnectTimeout(Duration.ofSeconds(-1))),
                row("tcpConnectTimeout 11 min", IllegalArgumentException.class, "tcpConnectTimeout must be between 1 ms and 10 min, was PT11M", () -> b.tcpConnectTimeout(Duration.ofMinutes(11))),
                row("tcpConnectTimeout 10 ns", IllegalArgumentException.class, "tcpConnectTimeout must be at least 1 ms, was PT0.00000001S", () -> b.tcpConnectTimeout(Duration.ofNanos(10))),
                row("tcpAttempts 0", IllegalArgumentException.class, "tcpAttempts must be 1-10, was 0", () -> b.tcpAttempts(0)),
                row("tcpAttempts 11", IllegalArgumentException.class, "tcpAttempts must be 1-10, was 11", () -> b.tcpAttempts(11)),
                row("udpTimeout null", NullPointerException.class, "udpTimeout", () -> b.udpTimeout(null)),
                row("udpTimeout 0", IllegalArgumentException.class, "udpTimeout must be between 1 ms and 10 min, was PT0S", () -> b.udpTimeout(Duration.ZERO)),
                row("udpAttempts 0", IllegalArgumentException.class, "udpAttempts must be 1-10, was 0", () -> b.udpAttempts(0)),
                row("responderTimeout null", NullPointerException.class, "responderTimeout", () -> b.responderTimeout(null)),
                row("responderTimeout 11 min", IllegalArgumentException.class, "responderTimeout must be between 1 ms and 10 min, was PT11M", () -> b.responderTimeout(Duration.ofMinutes(11))),
                row("sourcePort -1", IllegalArgumentException.class, "sourcePort must be 0-65535, was -1", () -> b.sourcePort(-1)),
                row("sourcePort 65536", IllegalArgumentException.class, "sourcePort must be 0-65535, was 65536", () -> b.sourcePort(65536)),
                row("ipPreference null", NullPointerException.class, "ipPreference", () -> b.ipPreference(null)),
                row("maxReplyBytes 63", IllegalArgumentException.class, "maxReplyBytes must be 64-67108864, was 63", () -> b.maxReplyBytes(63)),
                row("maxReplyBytes 64 MiB + 1", IllegalArgumentException.class, "maxReplyBytes must be 64-67108864, was 67108865", () -> b.maxReplyBytes((64 << 20) + 1)),
                row("maxEntries 0", IllegalArgumentException.class, "maxEntries must be 1-1000000, was 0", () -> b.maxEntries(0)),
                row("maxEntries 1,000,001", IllegalArgumentException.class, "maxEntries must be 1-1000000, was 1000001", () -> b.maxEntries(1_000_001)),
                row("responder null", NullPointerException.class, "responder", () -> b.responder(null)),
                row("maxInFlight -1", IllegalArgumentException.class, "maxInFlight must be 0-100000, was -1", () -> b.maxInFlight(-1)),
                row("maxInFlight 100,001", IllegalArgumentException.class, "maxInFlight must be 0-100000, was 100001", () -> b.maxInFlight(100_001)),
                row("udpPacing null", NullPointerException.class, "udpPacing", () -> b.udpPacing(null)),
                row("icmpInterval 0", IllegalArgumentException.class, "icmpInterval must be between 1 ms and 10 min, was PT0S", () -> b.icmpInterval(Duration.ZERO)),
                row("udpPacingBudget null", NullPointerException.class, "udpPacingBudget", () -> b.udpPacingBudget(null)),
                row("set null setting", NullPointerException.class, "setting", () -> b.set(null, "x")),
                row("set null value", NullPointerException.class, "framed.word", () -> b.set(FramedResponder.WORD, null)),
                row("set value of another type", IllegalArgumentException.class, "framed.word must be a String, was 5", () -> b.set(raw, 5)),

                row("ioThreads -1", IllegalArgumentException.class, "ioThreads must be 0-256, was -1", () -> pb.ioThreads(-1)),
                row("ioThreads 257", IllegalArgumentException.class, "ioThreads must be 0-256, was 257", () -> pb.ioThreads(257)),
                row("resolverThreads 0", IllegalArgumentException.class, "resolverThreads must be 1-64, was 0", () -> pb.resolverThreads(0)),
                row("resolverThreads 65", IllegalArgumentException.class, "resolverThreads must be 1-64, was 65", () -> pb.resolverThreads(65)),
                row("eventLoopGroup null", NullPointerException.class, "eventLoopGroup", () -> pb.eventLoopGroup(null)),
                row("allocator null", NullPointerException.class, "allocator", () -> pb.allocator(null)),
                row("defaultOptions null", NullPointerException.class, "defaultOptions", () -> pb.defaultOptions(null)),
                row("serviceNames null", NullPointerException.class, "serviceNames", () -> pb.serviceNames(null)),
                row("responders null", NullPointerException.class, "responders", () -> pb.responders(null)),

                row("probe port 0", IllegalArgumentException.class, "port must be 1-65535, was 0", () -> probe.probe(LO, Protocol.TCP, 0)),
                row("probe port 65536", IllegalArgumentException.class, "port must be 1-65535, was 65536", () -> probe.probe(LO, Protocol.TCP, 65536)),
                row("probe protocol null", NullPointerException.class, "protocol", () -> probe.probe(LO, null, 80)),
                row("probe address null", NullPointerException.class, "address", () -> probe.probe((InetAddress) null, Protocol.TCP, 80)),
                row("probe options null", NullPointerException.class, "options", () -> probe.probe(LO, Protocol.TCP, 80, null)),
                row("probe name null", IllegalArgumentException.class, "target must not be empty", () -> probe.probe((String) null, Protocol.TCP, 80)),
                row("probe name blank", IllegalArgumentException.class, "target must not be empty", () -> probe.probe(" ", Protocol.TCP, 80)),
                row("probe name, port 0", IllegalArgumentException.class, "port must be 1-65535, was 0", () -> probe.probe("localhost", Protocol.TCP, 0)),
                row("probe resolved target null", NullPointerException.class, "target", () -> probe.probe((ResolvedTarget) null, Protocol.TCP, 80, OPTS)),
                row("resolve options null", NullPointerException.class, "options", () -> probe.resolve("localhost", null)),
                row("resolve blank", IllegalArgumentException.class, "target must not be empty", () -> probe.resolve("", OPTS)),
                row("responderFor port 0", IllegalArgumentException.class, "port must be 1-65535, was 0", () -> probe.responderFor(Protocol.TCP, 0, OPTS)),
                row("responderFor protocol null", NullPointerException.class, "protocol", () -> probe.responderFor(null, 80, OPTS)),
                row("responderFor options null", NullPointerException.class, "options", () -> probe.responderFor(Protocol.TCP, 80, null)),
                row("responderFor unknown forced", IllegalArgumentException.class, "responder must be one of [framed], was nope",
                        () -> probe.responderFor(Protocol.TCP, 80, OPTS.toBuilder().responder(ResponderSelection.forced("nope")).build())),
                row("scan target null", NullPointerException.class, "target", () -> probe.scan((ResolvedTarget) null, List.of(), OPTS, ScanListener.NONE)),
                row("scan name null", NullPointerException.class, "target", () -> probe.scan((String) null, List.of(), OPTS, ScanListener.NONE)),
                row("scan name listener null", NullPointerException.class, "listener", () -> probe.scan("127.0.0.1", List.of(), OPTS, null)),
                row("scan ports null", NullPointerException.class, "ports", () -> probe.scan(TARGET, null, OPTS, new ScanListener() { })),
                row("scan options null", NullPointerException.class, "options", () -> probe.scan(TARGET, List.of(), null, new ScanListener() { })),
                row("scan listener null", NullPointerException.class, "listener", () -> probe.scan(TARGET, List.of(), OPTS, null)),
                row("scan ports holding null", NullPointerException.class, "ports must not hold null",
                        () -> probe.scan(TARGET, Arrays.asList(new PortSpec(Protocol.TCP, 1), null), OPTS, new ScanListener() { })),
                row("probe after close", IllegalStateException.class, "PortProbe is closed", () -> closed.probe(LO, Protocol.TCP, 80)),
                row("scan after close", IllegalStateException.class, "PortProbe is closed", () -> closed.scan(TARGET, List.of(), OPTS, new ScanListener() { })),

                row("PortSpec protocol null", NullPointerException.class, "protocol", () -> new PortSpec(null, 80)),
                row("PortSpec port 0", IllegalArgumentException.class, "port must be 1-65535, was 0", () -> new PortSpec(Protocol.UDP, 0)),
                row("PortSpec.range start 0", IllegalArgumentException.class, "range must be within 1-65535 with start <= end, was 0:10", () -> PortSpec.range(Protocol.TCP, 0, 10)),
                row("PortSpec.range end 65536", IllegalArgumentException.class, "range must be within 1-65535 with start <= end, was 1:65536", () -> PortSpec.range(Protocol.TCP, 1, 65536)),
                row("PortSpec.range reversed", IllegalArgumentException.class, "range must be within 1-65535 with start <= end, was 10:5", () -> PortSpec.range(Protocol.TCP, 10, 5)),
                row("PortSpec.range protocol null", NullPointerException.class, "protocol", () -> PortSpec.range(null, 1, 2)),

                row("ResolvedTarget query null", NullPointerException.class, "query", () -> new ResolvedTarget(null, true, List.of(LO), Optional.empty())),
                row("ResolvedTarget addresses null", NullPointerException.class, "addresses", () -> new ResolvedTarget("x", false, null, Optional.empty())),
                row("ResolvedTarget addresses holding null", NullPointerException.class, "addresses must not hold null",
                        () -> new ResolvedTarget("x", false, Arrays.asList(LO, null), Optional.empty())),
                row("ResolvedTarget addresses empty", IllegalArgumentException.class, "addresses must not be empty", () -> new ResolvedTarget("x", false, List.of(), Optional.empty())),
                row("ResolvedTarget reverseName null", NullPointerException.class, "reverseName", () -> new ResolvedTarget("x", false, List.of(LO), null)),

                row("forced responder null", IllegalArgumentException.class, "responder name must not be blank", () -> ResponderSelection.forced(null)),
                row("forced responder blank", IllegalArgumentException.class, "responder name must not be blank", () -> ResponderSelection.forced(" ")),
                row("setting name null", NullPointerException.class, "name", () -> ResponderSetting.of(null, String.class, "x")),
                row("setting type null", NullPointerException.class, "type", () -> ResponderSetting.of("a.b", null, "x")),
                row("setting default null", NullPointerException.class, "defaultValue", () -> ResponderSetting.of("a.b", String.class, null)),
                row("PortClaim protocol null", NullPointerException.class, "protocol", () -> new PortClaim(null, 1)),
                row("PortClaim port 0", IllegalArgumentException.class, "port must be 1-65535, was 0", () -> PortClaim.udp(0)),
                row("registry add null", NullPointerException.class, "responder", () -> ResponderRegistry.builder().add(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void failsAtOnceNamingTheArgument(String what, Class<? extends Throwable> type, String message, Call call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).as(what).isExactlyInstanceOf(type).hasMessage(message).hasNoCause();
    }
}
