package dev.portqry.core.faults;

import dev.portqry.core.Protocol;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.Set;

/** A responder that fails where it is told to: the injected faults of the fault matrix. */
public final class FaultyResponder implements ProtocolResponder {
    /** Where it fails. */
    public enum Fault {
        /** A well-behaved responder: answers with the first reply. */
        NONE,
        /** {@link #open} throws. */
        OPEN_THROWS,
        /** {@link Conversation#start()} throws. */
        START_THROWS,
        /** {@link Conversation#onReceive} throws an unchecked exception on the reply. */
        RECEIVE_THROWS,
        /** {@link Conversation#onReceive} throws an Error on the reply. */
        RECEIVE_ERROR
    }

    /** What a well-behaved run of it returns. */
    public record Reply(int bytes) implements ResponderResult {
        @Override
        public List<String> reportLines() {
            return List.of("reply of " + bytes + " bytes");
        }
    }

    private final Fault fault;

    /** @param fault where to fail */
    public FaultyResponder(Fault fault) {
        this.fault = fault;
    }

    @Override
    public String name() {
        return "faulty";
    }

    @Override
    public String displayName() {
        return "FAULTY";
    }

    @Override
    public Set<PortClaim> defaultPorts() {
        return Set.of();
    }

    @Override
    public boolean supports(Protocol protocol) {
        return true;
    }

    @Override
    public Conversation open(ConversationContext ctx) {
        if (fault == Fault.OPEN_THROWS) {
            throw new IllegalStateException("injected: open() throws");
        }
        return new Conversation() {
            @Override
            public ByteBuf start() {
                if (fault == Fault.START_THROWS) {
                    throw new IllegalStateException("injected: start() throws");
                }
                return ByteBufUtil.writeAscii(ctx.alloc(), "PING\n");
            }

            @Override
            public Step onReceive(ByteBuf in) {
                if (fault == Fault.RECEIVE_THROWS) {
                    throw new NullPointerException("injected: onReceive() throws");
                }
                if (fault == Fault.RECEIVE_ERROR) {
                    throw new AssertionError("injected: onReceive() throws an Error");
                }
                int n = in.readableBytes();
                in.skipBytes(n);
                return Step.done(new Reply(n));
            }
        };
    }
}
