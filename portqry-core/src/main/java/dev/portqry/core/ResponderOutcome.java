package dev.portqry.core;

import dev.portqry.core.spi.ResponderResult;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the protocol query of step 2 produced: a typed result, a reply that could not be
 * parsed, or no reply.
 */
public sealed interface ResponderOutcome
        permits ResponderOutcome.Answered, ResponderOutcome.Unparseable, ResponderOutcome.NoReply {

    /** @return the responder's {@link dev.portqry.core.spi.ProtocolResponder#name() name} */
    String responder();

    /**
     * The responder decoded a reply.
     *
     * @param responder the responder's name
     * @param result the typed result (a record of the responder's own type)
     */
    record Answered(String responder, ResponderResult result) implements ResponderOutcome {
    }

    /**
     * A reply came (so the port is listening) but the responder could not decode it.
     *
     * @param responder the responder's name
     * @param error the decode error, in words
     * @param firstBytes the first bytes received (at most {@link #MAX_KEPT_BYTES})
     */
    record Unparseable(String responder, String error, byte[] firstBytes) implements ResponderOutcome {
        /** How many bytes of an unparseable reply are kept. */
        public static final int MAX_KEPT_BYTES = 256;

        /** Copies and truncates {@code firstBytes}. */
        public Unparseable {
            firstBytes = Arrays.copyOf(firstBytes, Math.min(firstBytes.length, MAX_KEPT_BYTES));
        }

        @Override
        public byte[] firstBytes() {
            return firstBytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unparseable u && u.responder.equals(responder) && u.error.equals(error)
                    && Arrays.equals(u.firstBytes, firstBytes);
        }

        @Override
        public int hashCode() {
            return responder.hashCode() * 31 + Arrays.hashCode(firstBytes);
        }

        @Override
        public String toString() {
            // A decode error's message already names its protocol ("memcached: bad header"): say it once.
            String what = error.startsWith(responder + ":") ? error : responder + ": " + error;
            return "Unparseable[" + what + ", first bytes " + HexFormat.of().formatHex(firstBytes) + "]";
        }
    }

    /**
     * The query went unanswered within its deadline.
     *
     * @param responder the responder's name
     * @param reason why, e.g. {@code no reply to the SNMP query after 1 attempt of 1000 ms}
     */
    record NoReply(String responder, String reason) implements ResponderOutcome {
    }
}
