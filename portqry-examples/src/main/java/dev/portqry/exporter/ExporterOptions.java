package dev.portqry.exporter;

import dev.portqry.core.ProbeOptions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the exporter listens and how it guards itself. Immutable; build with {@link #builder()}.
 *
 * @param bindAddress the address to listen on; default {@link #DEFAULT_BIND_ADDRESS} (loopback)
 * @param port the port, 0-65535 (0: any free port); default {@link #DEFAULT_PORT}
 * @param config the modules, allow-list and limits
 * @param probeOptions the options every probe starts from
 * @param readTimeout how long a client may take to send a whole request, and an idle
 *        keep-alive connection may stay open; default {@link #DEFAULT_READ_TIMEOUT}
 * @param scrapeTimeoutMargin subtracted from Prometheus' scrape timeout to give the probe's
 *        deadline; default {@link #DEFAULT_SCRAPE_TIMEOUT_MARGIN}
 */
public record ExporterOptions(InetAddress bindAddress, int port, ExporterConfig config, ProbeOptions probeOptions,
                              Duration readTimeout, Duration scrapeTimeoutMargin) {
    /** portqry's exporter port: next to blackbox_exporter's 9115, in the exporters' range. */
    public static final int DEFAULT_PORT = 9135;
    /** Loopback only, unless asked otherwise. */
    public static final InetAddress DEFAULT_BIND_ADDRESS = InetAddress.getLoopbackAddress();
    /** A request must arrive whole within this; an idle keep-alive connection is closed after it. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** blackbox_exporter's default {@code --timeout-offset}. */
    public static final Duration DEFAULT_SCRAPE_TIMEOUT_MARGIN = Duration.ofMillis(500);

    /** Checks every field, naming the one that is wrong. */
    public ExporterOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(probeOptions, "probeOptions");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.toMillis() < 10 || readTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("readTimeout must be 10 ms to 5 min, was " + readTimeout);
        }
        Objects.requireNonNull(scrapeTimeoutMargin, "scrapeTimeoutMargin");
        if (scrapeTimeoutMargin.isNegative() || scrapeTimeoutMargin.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("scrapeTimeoutMargin must be 0 to 10 s, was " + scrapeTimeoutMargin);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ExporterOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private InetAddress bindAddress = DEFAULT_BIND_ADDRESS;
        private int port = DEFAULT_PORT;
        private ExporterConfig config = ExporterConfig.defaults();
        private ProbeOptions probeOptions = ProbeOptions.defaults();
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration margin = DEFAULT_SCRAPE_TIMEOUT_MARGIN;

        private Builder() {
        }

        /** @param address where to listen; default loopback @return this builder */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /** @param port 0-65535; default {@link #DEFAULT_PORT} @return this builder */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** @param config modules, allow-list and limits; default {@link ExporterConfig#defaults()} @return this builder */
        public Builder config(ExporterConfig config) {
            this.config = config;
            return this;
        }

        /** @param options the options probes start from; default {@link ProbeOptions#defaults()} @return this builder */
        public Builder probeOptions(ProbeOptions options) {
            this.probeOptions = options;
            return this;
        }

        /** @param timeout see the record; default {@link #DEFAULT_READ_TIMEOUT} @return this builder */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** @param margin see the record; default {@link #DEFAULT_SCRAPE_TIMEOUT_MARGIN} @return this builder */
        public Builder scrapeTimeoutMargin(Duration margin) {
            this.margin = margin;
            return this;
        }

        /** @return the options */
        public ExporterOptions build() {
            return new ExporterOptions(bindAddress, port, config, probeOptions, readTimeout, margin);
        }
    }
}
