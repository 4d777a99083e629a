package dev.portqry.ui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, answered as {@code {"error": message, "fields": {...}}} with its
 * HTTP status: 400 for a bad form (a message per field, so the page shows each next to its
 * field), 422 for a target that does not resolve, 429 when too many queries run, 404 for an
 * unknown query.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> fields;

    /**
     * @param status the HTTP status to answer with
     * @param message the whole problem in one sentence
     * @param fields form field name to message, in form order; may be empty
     */
    ApiException(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * @param fields form field name to message, in form order; not empty
     * @return a 400 whose message is the first field's
     */
    static ApiException badForm(Map<String, String> fields) {
        return new ApiException(400, fields.values().iterator().next(), fields);
    }

    /**
     * @param status the HTTP status to answer with
     * @param field the form field at fault
     * @param message what is wrong, in words
     * @return the exception
     */
    static ApiException field(int status, String field, String message) {
        return new ApiException(status, message, Map.of(field, message));
    }

    /** @return the HTTP status to answer with */
    int status() {
        return status;
    }

    /** @return form field name to message, possibly empty */
    Map<String, String> fields() {
        return fields;
    }
}
