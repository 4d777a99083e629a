package dev.portqry.ui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.portqry.cli.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the UI's HTTP responses, each with the same defensive headers, and reads bounded bodies. */
final class Responses {
    /** The page's own files only: no inline script, no other origin, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private Responses() {
    }

    /**
     * Answers with a body and closes the exchange.
     *
     * @param ex the exchange
     * @param status the HTTP status
     * @param contentType the media type with its charset
     * @param body the bytes
     * @throws IOException when the client is gone
     */
    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        secure(h);
        h.set("Content-Type", contentType);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    /**
     * @param ex the exchange
     * @param status the HTTP status
     * @param json one JSON value
     * @throws IOException when the client is gone
     */
    static void json(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers {@code {"error": message, "fields": {...}}}.
     *
     * @param ex the exchange
     * @param status the HTTP status
     * @param message the problem in one sentence
     * @param fields form field to message, may be empty
     * @throws IOException when the client is gone
     */
    static void error(HttpExchange ex, int status, String message, Map<String, String> fields) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("error", message);
        o.put("fields", fields);
        json(ex, status, JsonWriter.write(o));
    }

    /**
     * Adds the headers every response carries: no caching, no sniffing, no framing, no referrer.
     *
     * @param h the response headers
     */
    static void secure(Headers h) {
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
    }

    /**
     * @param ex the exchange
     * @param limit most bytes accepted
     * @return the request body as UTF-8
     * @throws IOException when the client is gone
     * @throws ApiException 413 when the body is longer than {@code limit}
     */
    static String body(HttpExchange ex, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try (InputStream in = ex.getRequestBody()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > limit) {
                    throw new ApiException(413, "The form is larger than " + limit + " bytes", Map.of());
                }
                out.write(buf, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
