package dev.portqry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.portqry.core.ProbeListener;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderOutcome;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's event sink keeps what a listener throws away from the engine, and counts it. */
class ProbeEventsTest {
    private static final ProbeListener.Call CALL =
            new ProbeListener.Call(Protocol.UDP, new InetSocketAddress("127.0.0.1", 53), Optional.of("dns"));

    @Test
    void throwsAreCaughtAndCounted() {
        ProbeEvents events = new ProbeEvents(new ProbeListener() {
            @Override
            public void attemptStart(Call call, int attempt) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void outcome(Call call, ResponderOutcome outcome) {
                throw new StackOverflowError("deep bug");
            }
        });

        assertThatCode(() -> {
            events.attemptStart(CALL, 1);
            events.attemptStart(CALL, 2);
            events.outcome(CALL, new ResponderOutcome.NoReply("dns", "silence"));
            events.replyReceived(CALL, 10);
        }).doesNotThrowAnyException();
        assertThat(events.listenerFailures()).isEqualTo(3);
    }

    @Test
    void theDefaultListenerIsNeverCalled() {
        ProbeEvents events = new ProbeEvents(ProbeListener.NONE);
        events.probeStart(CALL);
        assertThat(events.listenerFailures()).isZero();
        assertThat(CALL).hasToString("UDP 127.0.0.1:53 (dns)");
    }
}
