package dev.portqry.ui;

import dev.portqry.core.ProbeOptions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the web UI listens and what a query may cost. Immutable; build with {@link #builder()}.
 */
public final class UiOptions {
    /** Default port: 8135 (PortQry's RPC port 135 behind an 8). */
    public static final int DEFAULT_PORT = 8135;
    /** Default queries running at once: 4; one more is refused with HTTP 429. */
    public static final int DEFAULT_MAX_QUERIES = 4;
    /** Default deadline of one query: 5 minutes, after which it is cancelled. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);
    /** Default interval of the event stream's keep-alive comments: 1 s; a closed page is noticed within two. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
    /** Default time a new query waits for its page to open the event stream: 15 s. */
    public static final Duration DEFAULT_ATTACH_TIMEOUT = Duration.ofSeconds(15);
    /** Default most ports (TCP and UDP together) in one query: 10,000. */
    public static final int DEFAULT_MAX_PORTS = 10_000;
    /** Default probes in flight in one query: 64. */
    public static final int DEFAULT_PARALLEL = 64;

    private final InetAddress bindAddress;
    private final int port;
    private final int maxQueries;
    private final Duration deadline;
    private final Duration heartbeat;
    private final Duration attachTimeout;
    private final int maxPorts;
    private final int parallel;
    private final ProbeOptions probeOptions;

    private UiOptions(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.maxQueries = b.maxQueries;
        this.deadline = b.deadline;
        this.heartbeat = b.heartbeat;
        this.attachTimeout = b.attachTimeout;
        this.maxPorts = b.maxPorts;
        this.parallel = b.parallel;
        this.probeOptions = b.probeOptions;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults: loopback, port {@value #DEFAULT_PORT} */
    public static UiOptions defaults() {
        return builder().build();
    }

    /** @return the address the server binds; never null */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** @return the port to listen on, 0 for any free port */
    public int port() {
        return port;
    }

    /** @return most queries running at once */
    public int maxQueries() {
        return maxQueries;
    }

    /** @return how long one query may run before it is cancelled */
    public Duration deadline() {
        return deadline;
    }

    /** @return the interval of keep-alive comments on an event stream */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** @return how long a new query waits for its event stream before it is cancelled */
    public Duration attachTimeout() {
        return attachTimeout;
    }

    /** @return most ports in one query */
    public int maxPorts() {
        return maxPorts;
    }

    /** @return probes in flight in one query (1 whenever a source port is fixed) */
    public int parallel() {
        return parallel;
    }

    /** @return the probe options the form's fields are applied to (timeouts, attempts) */
    public ProbeOptions probeOptions() {
        return probeOptions;
    }

    /** Builds {@link UiOptions}; every setter validates and names its argument. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private int maxQueries = DEFAULT_MAX_QUERIES;
        private Duration deadline = DEFAULT_DEADLINE;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Duration attachTimeout = DEFAULT_ATTACH_TIMEOUT;
        private int maxPorts = DEFAULT_MAX_PORTS;
        private int parallel = DEFAULT_PARALLEL;
        private ProbeOptions probeOptions = ProbeOptions.defaults();

        private Builder() {
        }

        /**
         * @param address the address to bind, not null; default the loopback address. Anything
         *        else lets other computers run queries from this one.
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /**
         * @param port 0-65535, 0 for any free port; default {@value #DEFAULT_PORT}
         * @return this builder
         */
        public Builder port(int port) {
            this.port = Checks.inRange("port", port, 0, 65535);
            return this;
        }

        /**
         * @param queries 1-64; default {@value #DEFAULT_MAX_QUERIES}
         * @return this builder
         */
        public Builder maxQueries(int queries) {
            this.maxQueries = Checks.inRange("maxQueries", queries, 1, 64);
            return this;
        }

        /**
         * @param deadline positive; default {@link #DEFAULT_DEADLINE}
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Checks.positive("deadline", deadline);
            return this;
        }

        /**
         * @param interval positive; default {@link #DEFAULT_HEARTBEAT}
         * @return this builder
         */
        public Builder heartbeat(Duration interval) {
            this.heartbeat = Checks.positive("heartbeat", interval);
            return this;
        }

        /**
         * @param timeout positive; default {@link #DEFAULT_ATTACH_TIMEOUT}
         * @return this builder
         */
        public Builder attachTimeout(Duration timeout) {
            this.attachTimeout = Checks.positive("attachTimeout", timeout);
            return this;
        }

        /**
         * @param ports 1-131,070 (every TCP and UDP port); default {@value #DEFAULT_MAX_PORTS}
         * @return this builder
         */
        public Builder maxPorts(int ports) {
            this.maxPorts = Checks.inRange("maxPorts", ports, 1, 2 * 65535);
            return this;
        }

        /**
         * @param probes 1-1024; default {@value #DEFAULT_PARALLEL}
         * @return this builder
         */
        public Builder parallel(int probes) {
            this.parallel = Checks.inRange("parallel", probes, 1, 1024);
            return this;
        }

        /**
         * @param options timeouts and attempts for every query, not null; default {@link ProbeOptions#defaults()}
         * @return this builder
         */
        public Builder probeOptions(ProbeOptions options) {
            this.probeOptions = Objects.requireNonNull(options, "probeOptions");
            return this;
        }

        /** @return the options */
        public UiOptions build() {
            return new UiOptions(this);
        }
    }
}
