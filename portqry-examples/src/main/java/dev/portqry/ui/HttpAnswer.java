package dev.portqry.ui;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole response of the {@link GuardedHttpServer}: its status, media type, body and any headers
 * of its own (the server adds its defensive headers to every response).
 *
 * @param status the HTTP status, 100-599
 * @param contentType the media type with its charset, not null
 * @param body the bytes, not null (not copied: do not change them afterwards)
 * @param headers more headers, name to value, not null
 */
record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
    HttpAnswer {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599, was " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * @param status the HTTP status
     * @param contentType the media type with its charset
     * @param body the bytes
     * @return an answer without headers of its own
     */
    static HttpAnswer of(int status, String contentType, byte[] body) {
        return new HttpAnswer(status, contentType, body, Map.of());
    }

    /**
     * @param status the HTTP status
     * @param json one JSON value
     * @return the answer, as {@code application/json; charset=utf-8}
     */
    static HttpAnswer json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param name a header name
     * @param value its value
     * @return this answer with one more header
     */
    HttpAnswer with(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpAnswer(status, contentType, body, h);
    }
}
