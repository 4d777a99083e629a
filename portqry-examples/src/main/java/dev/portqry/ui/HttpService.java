package dev.portqry.ui;

/**
 * What a {@link GuardedHttpServer} serves: it is given each request that arrived whole, within
 * the {@link HttpLimits}, and that passed the {@link HostGuard}.
 */
interface HttpService {
    /**
     * Handles one request. Runs on the connection's event loop, so it must not block: answer at
     * once with {@link HttpCall#respond(HttpAnswer)}, later from any thread, or open an event
     * stream. A runtime exception thrown here is logged and answered 500.
     *
     * @param call the request and its response, not null
     */
    void handle(HttpCall call);

    /**
     * @param status an HTTP error status the server itself answers (400, 403, 408, 413, 500, 503, ...)
     * @param message the problem in one sentence
     * @return the answer in this service's error format
     */
    HttpAnswer error(int status, String message);
}
