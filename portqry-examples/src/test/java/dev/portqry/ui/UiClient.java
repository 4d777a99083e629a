package dev.portqry.ui;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/** Talks to a {@link UiServer} as the page does, with the JDK's HTTP client. */
final class UiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    UiClient(URI base) {
        this.base = base;
    }

    /** @param fields alternating names and values */
    static Map<String, String> form(String... fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            m.put(fields[i], fields[i + 1]);
        }
        return m;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the new query's id, failing the test unless the server answered 201 */
    String start(Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/queries", form);
        if (r.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + r.statusCode() + " " + r.body());
        }
        return json(r).get("id").getAsString();
    }

    Events events(String id) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(base.resolve("/api/queries/" + id + "/events")).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new AssertionError("events: " + r.statusCode());
        }
        return new Events(r.body());
    }

    static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** A server-sent event. */
    record Event(String name, JsonObject data) {
    }

    /** Reads server-sent events (HTML Living Standard 9.2.6) from a stream's lines. */
    static final class Events implements AutoCloseable {
        private final Stream<String> lines;
        private final Iterator<String> it;

        Events(Stream<String> lines) {
            this.lines = lines;
            this.it = lines.iterator();
        }

        /** @return the next event; comments and the retry field are skipped */
        Event next() {
            String name = "message";
            StringBuilder data = null;
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        return new Event(name, JsonParser.parseString(data.toString()).getAsJsonObject());
                    }
                    name = "message";
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(6));
                }
            }
            throw new AssertionError("the event stream ended without another event");
        }

        /** @return the next event, which must be named {@code name} */
        Event next(String name) {
            Event e = next();
            if (!e.name().equals(name)) {
                throw new AssertionError("expected event " + name + ", got " + e);
            }
            return e;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
