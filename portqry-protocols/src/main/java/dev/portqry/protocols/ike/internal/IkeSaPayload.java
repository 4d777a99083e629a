package dev.portqry.protocols.ike.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ike.IkeProposal;
import dev.portqry.protocols.ike.IkeResponder;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A Security Association payload (RFC 7296 section 3.3): the proposals offered in a request,
 * the one chosen in a response.
 *
 * @param proposals the proposals, in order
 */
public record IkeSaPayload(List<IkeProposal> proposals) implements IkePayload {
    /** Most proposals decoded from one payload. */
    public static final int MAX_PROPOSALS = 64;

    /** Copies the proposals. */
    public IkeSaPayload {
        proposals = List.copyOf(proposals);
    }

    /**
     * @param body the payload body; read entirely
     * @return the payload
     * @throws ProtocolDecodeException when a proposal is malformed or the last one is not marked last
     */
    public static IkeSaPayload decodeBody(ByteBuf body) {
        List<IkeProposal> proposals = new ArrayList<>();
        boolean more = true;
        while (more) {
            ProtocolDecodeException.check(proposals.size() < MAX_PROPOSALS, IkeResponder.PROTOCOL, "more than %d proposals",
                    MAX_PROPOSALS);
            IkeProposal.Decoded p = IkeProposal.decode(body);
            proposals.add(p.proposal());
            more = p.more();
        }
        ProtocolDecodeException.check(!body.isReadable(), IkeResponder.PROTOCOL, "%d bytes after the last proposal",
                body.readableBytes());
        return new IkeSaPayload(proposals);
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.SA;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).encode(out, i < proposals.size() - 1);
        }
    }

    @Override
    public String toString() {
        return "SA" + proposals;
    }
}
