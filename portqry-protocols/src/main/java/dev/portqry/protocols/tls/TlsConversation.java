package dev.portqry.protocols.tls;

import dev.portqry.core.SafeText;
import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.core.spi.Conversation;
import dev.portqry.core.spi.ConversationContext;
import dev.portqry.core.spi.Step;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.ldap.internal.RootDseSearch;
import dev.portqry.protocols.ldap.internal.SearchRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;

/**
 * Drives a client {@link SSLEngine} over the engine's byte conversation: the ciphertext that
 * arrives is unwrapped, whatever the handshake wants to send goes out as a {@link Step#send}.
 * Once the handshake is finished the session is recorded; an LDAPS conversation then sends the
 * rootDSE search inside TLS and finishes when the SearchResultDone arrives.
 */
final class TlsConversation implements Conversation {
    static final String PROTOCOL = "TLS";
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** The messageID of the search inside TLS, the only request on the connection (RFC 4511 4.1.1.1). */
    static final int LDAP_MESSAGE_ID = 1;
    /** The two rootDSE attributes a domain-controller check wants; asking for no more keeps the answer small. */
    static final SearchRequest LDAP_QUERY = SearchRequest.rootDse(0, List.of("dnsHostName", "defaultNamingContext"));

    private final ConversationContext context;
    /** The rootDSE read sent once the handshake is done; null for a plain TLS probe. */
    private final RootDseSearch ldap;
    private final CapturingTrustManager trust = new CapturingTrustManager();
    private final SSLEngine engine;
    private ByteBuffer plain;
    private boolean finishedSeen;
    private TlsResult handshake;

    TlsConversation(ConversationContext context, boolean queryLdap) {
        this.context = context;
        this.ldap = queryLdap ? new RootDseSearch(LDAP_MESSAGE_ID, LDAP_QUERY,
                BerLimits.DEFAULT.withMaxLength(context.options().maxReplyBytes()), context.options().maxEntries()) : null;
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {trust}, null);
            engine = ssl.createSSLEngine(peerHost(), context.remote().getPort());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS client", e);
        }
        engine.setUseClientMode(true);
        context.targetName().filter(TlsConversation::isDnsName).ifPresent(name -> {
            // RFC 6066 section 3: send the name so a server with several certificates picks the right one.
            SSLParameters p = engine.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(name)));
            engine.setSSLParameters(p);
        });
        plain = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    @Override
    public ByteBuf start() {
        ByteBuf out = context.alloc().buffer();
        try {
            engine.beginHandshake();
            wrap(EMPTY, out);
            return out;
        } catch (SSLException | RuntimeException e) {
            out.release();
            throw new ProtocolDecodeException(PROTOCOL, "cannot start the handshake: " + SafeText.escape(e.getMessage()), e);
        }
    }

    @Override
    public Step onReceive(ByteBuf in) {
        ByteBuffer src = in.nioBuffer(in.readerIndex(), in.readableBytes());
        int start = src.position();
        ByteBuf out = context.alloc().buffer();
        boolean closed;
        try {
            closed = pump(src, out);
        } catch (SSLException e) {
            out.release();
            String when = handshake == null ? "handshake failed: " : "TLS session failed: ";
            throw new ProtocolDecodeException(PROTOCOL, when + SafeText.escape(e.getMessage()), e);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        } finally {
            in.skipBytes(src.position() - start);
        }
        Optional<TlsResult> result = resultIfComplete(closed);
        if (result.isPresent()) {
            out.release();
            return Step.done(result.get());
        }
        ProtocolDecodeException.check(!closed, PROTOCOL, "server closed the TLS session during the handshake");
        if (out.isReadable()) {
            return Step.send(out);
        }
        out.release();
        return Step.needMore();
    }

    @Override
    public Step onPeerClosed() {
        if (handshake == null) {
            throw new ProtocolDecodeException(PROTOCOL, "connection closed during the handshake (is this port TLS?)");
        }
        return Step.done(handshake.withLdap(Optional.empty(), Optional.of("connection closed before LDAP answered")));
    }

    /** Unwraps all complete records and wraps whatever the engine wants to send; true when the peer closed TLS. */
    private boolean pump(ByteBuffer src, ByteBuf out) throws SSLException {
        while (true) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (hs == HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY, out);
                continue;
            }
            if (finishedSeen && handshake == null) {
                handshake = describeSession();
                if (ldap != null) {
                    ByteBuf query = ldap.start(context.alloc());
                    try {
                        wrap(query.nioBuffer(), out);
                    } finally {
                        query.release();
                    }
                }
            }
            if (!src.hasRemaining()) {
                return false;
            }
            SSLEngineResult r = engine.unwrap(src, plain);
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW:
                    return false;
                case BUFFER_OVERFLOW:
                    growPlain();
                    continue;
                case CLOSED:
                    return true;
                default:
                    noteFinished(r);
            }
            if (r.bytesConsumed() == 0 && r.bytesProduced() == 0 && r.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return false;
            }
        }
    }

    private void wrap(ByteBuffer data, ByteBuf out) throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        do {
            SSLEngineResult r = engine.wrap(data, net);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                net = ByteBuffer.allocate(net.capacity() * 2);
                continue;
            }
            net.flip();
            out.writeBytes(net);
            net.clear();
            noteFinished(r);
            if (r.getStatus() == SSLEngineResult.Status.CLOSED || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                return;
            }
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
            }
        } while (data.hasRemaining() || engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
    }

    private void noteFinished(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            finishedSeen = true;
        }
    }

    private void runTasks() {
        // The delegated tasks (certificate checks, key agreement) are short; run them on the event loop.
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }

    private void growPlain() {
        int cap = context.options().maxReplyBytes();
        ProtocolDecodeException.check(plain.capacity() < cap, PROTOCOL, "decrypted reply larger than the cap of %d bytes", cap);
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(cap, plain.capacity() * 2));
        plain.flip();
        bigger.put(plain);
        plain = bigger;
    }

    private Optional<TlsResult> resultIfComplete(boolean closed) {
        if (handshake == null) {
            return Optional.empty();
        }
        if (ldap == null) {
            return Optional.of(handshake);
        }
        ByteBuf received = Unpooled.wrappedBuffer(plain.array(), 0, plain.position());
        Optional<RootDseResult> answer = ldap.readStream(received);
        // Keep only the plaintext of a message not complete yet.
        plain.flip().position(received.readerIndex());
        plain.compact();
        if (answer.isPresent()) {
            return Optional.of(handshake.withLdap(answer, Optional.empty()));
        }
        return closed ? Optional.of(handshake.withLdap(Optional.empty(), Optional.of("server closed TLS before LDAP answered")))
                : Optional.empty();
    }

    private TlsResult describeSession() {
        SSLSession session = engine.getSession();
        X509Certificate[] chain = trust.chain();
        List<CertificateInfo> infos = Arrays.stream(chain).map(CertificateInfo::of).toList();
        Optional<String> name = context.targetName();
        Optional<Boolean> matches = name.flatMap(n -> infos.isEmpty() ? Optional.of(false) : Optional.of(infos.get(0).matchesHost(n)));
        return new TlsResult(session.getProtocol(), session.getCipherSuite(), infos, ChainValidation.validate(chain, trust.authType()),
                name, matches, Optional.empty(), Optional.empty(), Instant.now());
    }

    private String peerHost() {
        return context.targetName().orElse(context.remote().getAddress().getHostAddress());
    }

    private static boolean isDnsName(String name) {
        return name.indexOf('.') > 0 && name.indexOf(':') < 0 && !name.matches("[0-9.]+") && !name.endsWith(".");
    }
}
