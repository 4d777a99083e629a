package dev.portqry.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.fuzz.DecoderFuzz;
import dev.portqry.protocols.fuzz.FuzzReport;
import dev.portqry.protocols.fuzz.Seeds;
import dev.portqry.protocols.fuzz.Seeds.Seed;
import dev.portqry.protocols.ldap.internal.RootDseSearch;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * TLS and LDAPS under the fuzzer, without a network peer: the LDAP answer read inside TLS, the
 * certificate description (a mutated certificate the JDK still parses), and the handshake
 * conversation fed a real server flight (an in-memory {@link SSLEngine} server answering this
 * conversation's ClientHello) that the mutations then break. The handshake fuzz runs a tenth of
 * the inputs of the others: each input is a full server handshake with key agreement.
 */
class TlsFuzzTest {
    private static final SSLContext SERVER = serverContext();

    @Test
    void ldapInsideTls() {
        FuzzReport r = DecoderFuzz.of("LDAP inside TLS", Seeds.golden("tls", n -> n.startsWith("ldap")))
                .messages(in -> new RootDseSearch(TlsConversation.LDAP_MESSAGE_ID, TlsConversation.LDAP_QUERY,
                        BerLimits.DEFAULT.withMaxLength(1 << 20), 10_000).readStream(in));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void certificates() {
        FuzzReport r = DecoderFuzz.of("X.509 certificate description", List.of(sambaLeaf())).messages(in -> {
            X509Certificate cert;
            try {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(ByteBufUtil.getBytes(in)));
            } catch (CertificateException e) {
                throw new ProtocolDecodeException("TLS", "the JDK does not parse it: " + e.getMessage());
            }
            return List.of(CertificateInfo.of(cert), ChainValidation.validate(new X509Certificate[] {cert}, "ECDHE_RSA"));
        });
        assertThat(r.typed()).isPositive();
    }

    @Test
    void ldapsHandshakeOverTcp() {
        List<Seed> versions = List.of(new Seed("TLSv1.3 server flight", "TLSv1.3".getBytes(StandardCharsets.US_ASCII)),
                new Seed("TLSv1.2 server flight", "TLSv1.2".getBytes(StandardCharsets.US_ASCII)));
        FuzzReport r = DecoderFuzz.of("LDAPS handshake over TCP", versions)
                .iterations(Integer.getInteger("portqry.fuzz.iterations", DecoderFuzz.DEFAULT_ITERATIONS) / 10)
                .echo(TlsFuzzTest::serverFlight).tcp(new LdapsResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /** What a TLS server sends in answer to the ClientHello, up to where it waits for the client again. */
    static byte[] serverFlight(byte[] clientHello, byte[] version) {
        try {
            SSLEngine server = SERVER.createSSLEngine();
            server.setUseClientMode(false);
            server.setEnabledProtocols(new String[] {new String(version, StandardCharsets.US_ASCII)});
            ByteBuffer in = ByteBuffer.wrap(clientHello);
            ByteBuffer app = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
            ByteBuffer net = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            server.beginHandshake();
            for (int i = 0; i < 100; i++) {
                HandshakeStatus hs = server.getHandshakeStatus();
                if (hs == HandshakeStatus.NEED_TASK) {
                    for (Runnable t; (t = server.getDelegatedTask()) != null; ) {
                        t.run();
                    }
                } else if (hs == HandshakeStatus.NEED_WRAP) {
                    net.clear();
                    server.wrap(ByteBuffer.allocate(0), net);
                    out.write(net.array(), 0, net.position());
                } else if (hs == HandshakeStatus.NEED_UNWRAP && in.hasRemaining()) {
                    server.unwrap(in, app);
                } else {
                    break;
                }
            }
            return out.toByteArray();
        } catch (SSLException e) {
            throw new IllegalStateException("the in-memory server refused our ClientHello", e);
        }
    }

    private static Seed sambaLeaf() {
        String pem = new String(GoldenVectors.raw("tls/samba-ldaps-leaf.pem"), StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new Seed("samba-ldaps-leaf.pem", Base64.getDecoder().decode(base64));
    }

    /** @return a TLS server context with the loopback test key (golden/tls/loopback-server.p12), for in-memory and loopback peers */
    static SSLContext serverContext() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(GoldenVectors.raw("tls/loopback-server.p12")), "portqry".toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "portqry".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
