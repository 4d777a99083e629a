package dev.portqry.core.hostile;

import dev.portqry.core.Protocol;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderResult;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.core.spi.Step;
import io.netty.buffer.ByteBuf;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test responder with a length-prefixed, ID-matched wire format, like many real protocols:
 * every message is {@code u32 length} (of what follows), {@code u32 id}, then text. The query
 * carries the {@link #WORD} setting; a good server answers with the query's id and {@code +word}.
 * Over TCP it trusts the declared length the way a careless decoder would (it waits for that
 * many bytes, without allocating them), so that the engine's own caps are what protects it. Over
 * UDP a reply with another id is ignored, as a stray datagram.
 */
final class FramedResponder implements ProtocolResponder {
    static final String NAME = "framed";
    static final ResponderSetting<String> WORD = ResponderSetting.of("framed.word", String.class, "hello");

    /**
     * @param id the id the reply carried
     * @param text the reply's text
     */
    record FramedResult(int id, String text) implements ResponderResult {
        @Override
        public List<String> reportLines() {
            return List.of("FRAMED reply:", text, "==== End of FRAMED reply ====");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "FRAMED";
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
    public String silenceHint() {
        return "is the framed server up?";
    }

    @Override
    public Conversation open(ConversationContext ctx) {
        int id = ThreadLocalRandom.current().nextInt();
        return new Conversation() {
            @Override
            public ByteBuf start() {
                byte[] word = ctx.setting(WORD).getBytes(StandardCharsets.UTF_8);
                return ctx.alloc().buffer(8 + word.length).writeInt(4 + word.length).writeInt(id).writeBytes(word);
            }

            @Override
            public Step onReceive(ByteBuf in) {
                return ctx.protocol() == Protocol.TCP ? stream(in) : datagram(in);
            }

            private Step stream(ByteBuf in) {
                if (in.readableBytes() < 4) {
                    return Step.needMore();
                }
                long length = in.getUnsignedInt(in.readerIndex());
                ProtocolDecodeException.check(length >= 4, "FRAMED", "declared length %d is below 4", length);
                if (in.readableBytes() - 4 < length) {
                    return Step.needMore();
                }
                in.skipBytes(4);
                return answer(in.readInt(), in.readCharSequence((int) length - 4, StandardCharsets.UTF_8).toString());
            }

            private Step datagram(ByteBuf in) {
                ProtocolDecodeException.check(in.readableBytes() >= 8, "FRAMED", "datagram of %d bytes is too short", in.readableBytes());
                long length = in.readUnsignedInt();
                ProtocolDecodeException.check(length == in.readableBytes(), "FRAMED",
                        "declared length %d, but the datagram holds %d", length, in.readableBytes());
                int replyId = in.readInt();
                if (replyId != id) {
                    return Step.needMore(); // a stray datagram: not the answer to this query
                }
                return answer(replyId, in.readCharSequence(in.readableBytes(), StandardCharsets.UTF_8).toString());
            }

            private Step answer(int replyId, String text) {
                ProtocolDecodeException.check(replyId == id, "FRAMED", "reply with id %d to the query with id %d", replyId, id);
                return Step.done(new FramedResult(replyId, text));
            }
        };
    }

    /**
     * What a good server answers.
     *
     * @param query a received query (length, id, word)
     * @param idDelta added to the query's id: 0 for a good server, else the wrong id
     * @return the reply, or null when {@code query} is not a query (e.g. the one-byte datagram of step 1)
     */
    static byte[] reply(byte[] query, int idDelta) {
        if (query.length < 8) {
            return null;
        }
        ByteBuffer q = ByteBuffer.wrap(query);
        q.getInt();
        int id = q.getInt();
        byte[] text = ("+" + new String(query, 8, query.length - 8, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length).putInt(4 + text.length).putInt(id + idDelta).put(text).array();
    }

    /**
     * Reads one framed query: u32 length, then that many bytes.
     *
     * @param in the client's bytes
     * @return the query, its length prefix included
     * @throws IOException when the stream ends first
     */
    static byte[] readQuery(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int length = d.readInt();
        byte[] query = new byte[4 + length];
        ByteBuffer.wrap(query).putInt(length);
        d.readFully(query, 4, length);
        return query;
    }
}
