package dev.portqry.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/** The defensive headers a {@link GuardedHttpServer} puts on every response it sends. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /**
     * @param contentSecurityPolicy the page's {@code Content-Security-Policy}
     * @return the headers: that policy, no caching, no sniffing, no framing, no referrer, same-origin resources
     */
    static Map<String, String> with(String contentSecurityPolicy) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", contentSecurityPolicy);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        h.put("Cache-Control", "no-store");
        return h;
    }
}
