package dev.portqry.ui;

import java.time.Duration;

/**
 * What one client may cost the {@link GuardedHttpServer}: how many connections are open at once,
 * how long a request may take to arrive, how large its body may be and how long a response may
 * wait for a client that does not read. Immutable; build with {@link #builder()}.
 */
final class HttpLimits {
    /** Default connections open at once: 128; the next is answered 503 and closed. */
    static final int DEFAULT_MAX_CONNECTIONS = 128;
    /** Default wait for the first byte of a request on an open connection (keep-alive): 15 s, then it is closed. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** Default time from a request's first byte to the end of its headers: 5 s, then 408 and close. */
    static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(5);
    /** Default time from the end of the headers to the end of the body: 5 s, then 408 and close. */
    static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(5);
    /** Default time a response may make no progress towards a client that does not read: 10 s, then close. */
    static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** Default largest request body: 16 KiB; a larger one is answered 413 and the connection closed. */
    static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    /** Longest request line (method, target, version): 4 KiB; longer is answered 414. */
    static final int MAX_REQUEST_LINE = 4096;
    /** Most bytes of header fields: 8 KiB; more is answered 431. */
    static final int MAX_HEADER_BYTES = 8192;

    private final int maxConnections;
    private final Duration idleTimeout;
    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    private final Duration writeTimeout;
    private final int maxBodyBytes;
    private final int sendBufferBytes;

    private HttpLimits(Builder b) {
        this.maxConnections = b.maxConnections;
        this.idleTimeout = b.idleTimeout;
        this.headerTimeout = b.headerTimeout;
        this.bodyTimeout = b.bodyTimeout;
        this.writeTimeout = b.writeTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.sendBufferBytes = b.sendBufferBytes;
    }

    /** @return a builder holding the defaults */
    static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    static HttpLimits defaults() {
        return builder().build();
    }

    /** @return most connections open at once */
    int maxConnections() {
        return maxConnections;
    }

    /** @return longest wait for the first byte of a request */
    Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return longest time from a request's first byte to the end of its headers */
    Duration headerTimeout() {
        return headerTimeout;
    }

    /** @return longest time from the end of the headers to the end of the body */
    Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** @return longest time a response may make no progress */
    Duration writeTimeout() {
        return writeTimeout;
    }

    /** @return largest request body in bytes */
    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @return the socket send buffer of each connection, 0 for the system's (auto-tuned) default */
    int sendBufferBytes() {
        return sendBufferBytes;
    }

    /** Builds {@link HttpLimits}; every setter validates and names its argument. */
    static final class Builder {
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int sendBufferBytes;

        private Builder() {
        }

        /**
         * @param connections 1-65,536; default {@value #DEFAULT_MAX_CONNECTIONS}
         * @return this builder
         */
        Builder maxConnections(int connections) {
            this.maxConnections = Checks.inRange("maxConnections", connections, 1, 65_536);
            return this;
        }

        /**
         * @param timeout positive; default {@link #DEFAULT_IDLE_TIMEOUT}
         * @return this builder
         */
        Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Checks.positive("idleTimeout", timeout);
            return this;
        }

        /**
         * @param timeout positive; default {@link #DEFAULT_HEADER_TIMEOUT}
         * @return this builder
         */
        Builder headerTimeout(Duration timeout) {
            this.headerTimeout = Checks.positive("headerTimeout", timeout);
            return this;
        }

        /**
         * @param timeout positive; default {@link #DEFAULT_BODY_TIMEOUT}
         * @return this builder
         */
        Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = Checks.positive("bodyTimeout", timeout);
            return this;
        }

        /**
         * @param timeout positive; default {@link #DEFAULT_WRITE_TIMEOUT}
         * @return this builder
         */
        Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Checks.positive("writeTimeout", timeout);
            return this;
        }

        /**
         * @param bytes 0-16 MiB; default {@value #DEFAULT_MAX_BODY_BYTES}
         * @return this builder
         */
        Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = Checks.inRange("maxBodyBytes", bytes, 0, 16 << 20);
            return this;
        }

        /**
         * @param bytes 0 for the system's default (auto-tuned), else 1 KiB-16 MiB; default 0. A small
         *        buffer makes a client that does not read felt sooner (tests use it).
         * @return this builder
         */
        Builder sendBufferBytes(int bytes) {
            this.sendBufferBytes = bytes == 0 ? 0 : Checks.inRange("sendBufferBytes", bytes, 1024, 16 << 20);
            return this;
        }

        /** @return the limits */
        HttpLimits build() {
            return new HttpLimits(this);
        }
    }
}
