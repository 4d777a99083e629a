package dev.portqry.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's files, shipped in the jar under {@code dev/portqry/ui/}: plain HTML, CSS and
 * JavaScript, nothing fetched from elsewhere.
 */
final class StaticResources {
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.css", "app.css",
            "/app.js", "app.js",
            "/render.js", "render.js",
            "/domain.js", "domain.js",
            "/favicon.svg", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /**
     * @param path a request path
     * @return whether it names one of the page's files
     */
    static boolean serves(String path) {
        return FILES.containsKey(path);
    }

    /**
     * @param path a path that {@link #serves(String)}
     * @return the file, cached after its first load
     */
    HttpAnswer answer(String path) {
        String name = FILES.get(path);
        byte[] body = cache.computeIfAbsent(name, StaticResources::load);
        return HttpAnswer.of(200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
    }

    private static byte[] load(String name) {
        try (InputStream in = Optional.ofNullable(StaticResources.class.getResourceAsStream(name))
                .orElseThrow(() -> new IllegalStateException("missing resource dev/portqry/ui/" + name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
