package dev.portqry.protocols.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server chain during the handshake and remembers it with its auth type, so the
 * probe can report a self-signed or expired certificate instead of failing on it; the chain is
 * judged afterwards by {@link ChainValidation}. Never use it to protect data: the probe sends
 * nothing secret. One instance per handshake.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
    private X509Certificate[] chain = new X509Certificate[0];
    private String authType = "UNKNOWN";

    /** @return the chain the server presented, leaf first; empty before the handshake saw one */
    X509Certificate[] chain() {
        return chain.clone();
    }

    /** @return the auth type of the handshake, e.g. {@code ECDHE_RSA}; {@code UNKNOWN} before it */
    String authType() {
        return authType;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        remember(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        remember(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        remember(chain, authType);
    }

    private void remember(X509Certificate[] chain, String authType) {
        this.chain = chain == null ? new X509Certificate[0] : chain.clone();
        this.authType = authType == null ? "UNKNOWN" : authType;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
