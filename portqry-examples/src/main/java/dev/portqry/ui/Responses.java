package dev.portqry.ui;

import dev.portqry.cli.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The UI's answers: JSON values and errors; the server adds the same defensive headers to each. */
final class Responses {
    /** The page's own files only: no inline script, no other origin, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** Every response's defensive headers, the policy above among them. */
    static final Map<String, String> SECURITY_HEADERS = SecurityHeaders.with(CONTENT_SECURITY_POLICY);

    private Responses() {
    }

    /**
     * @param status the HTTP status
     * @param json one JSON value
     * @return the answer
     */
    static HttpAnswer json(int status, String json) {
        return HttpAnswer.json(status, json);
    }

    /**
     * @param status the HTTP status
     * @param message the problem in one sentence
     * @param fields form field to message, may be empty
     * @return {@code {"error": message, "fields": {...}}}
     */
    static HttpAnswer error(int status, String message, Map<String, String> fields) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("error", message);
        o.put("fields", fields);
        return json(status, JsonWriter.write(o));
    }

    /**
     * @param e a refused request
     * @return its error answer
     */
    static HttpAnswer error(ApiException e) {
        return error(e.status(), e.getMessage(), e.fields());
    }
}
