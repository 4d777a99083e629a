package dev.portqry.core.spi;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * What a {@link Conversation} wants after reading bytes: more bytes, to send something and go
 * on, or to finish with a result.
 */
public sealed interface Step permits Step.NeedMore, Step.Send, Step.Done {

    /**
     * The reply is not complete yet (TCP), or the datagram was not an answer to this query and
     * is ignored (UDP). On TCP, unread bytes stay in the buffer for the next call.
     *
     * @return the step
     */
    static Step needMore() {
        return NeedMore.INSTANCE;
    }

    /**
     * Send {@code data} and keep reading; the engine takes ownership of the buffer.
     *
     * @param data the bytes to send, not null
     * @return the step
     */
    static Step send(ByteBuf data) {
        return new Send(Objects.requireNonNull(data, "data"));
    }

    /**
     * The conversation is over with this result.
     *
     * @param result the typed result, not null
     * @return the step
     */
    static Step done(ResponderResult result) {
        return new Done(Objects.requireNonNull(result, "result"));
    }

    /**
     * The conversation is over with this result; send {@code farewell} (an SMTP {@code QUIT},
     * an IMAP {@code LOGOUT}, an L2TP StopCCN) without waiting for its answer, then close.
     *
     * @param result the typed result, not null
     * @param farewell the last bytes to send, not null; the engine takes ownership
     * @return the step
     */
    static Step done(ResponderResult result, ByteBuf farewell) {
        return new Done(Objects.requireNonNull(result, "result"), Objects.requireNonNull(farewell, "farewell"));
    }

    /** Keep reading. */
    final class NeedMore implements Step {
        static final NeedMore INSTANCE = new NeedMore();

        private NeedMore() {
        }

        @Override
        public String toString() {
            return "NeedMore";
        }
    }

    /**
     * Send and keep reading.
     *
     * @param data the bytes to send; the engine releases them
     */
    record Send(ByteBuf data) implements Step {
    }

    /**
     * Finished.
     *
     * @param result the typed result
     * @param farewell bytes to send before closing without waiting for an answer, or null;
     *                 the engine sends or releases them
     */
    record Done(ResponderResult result, ByteBuf farewell) implements Step {
        /**
         * Finished without a farewell.
         *
         * @param result the typed result
         */
        public Done(ResponderResult result) {
            this(result, null);
        }
    }
}
