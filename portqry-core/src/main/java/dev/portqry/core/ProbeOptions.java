package dev.portqry.core;

import dev.portqry.core.spi.ResponderSetting;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a probe is run: timeouts, attempts, source port, responder choice and caps. Immutable;
 * build with {@link #builder()}, change with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ProbeOptions opts = ProbeOptions.builder()
 *         .tcpConnectTimeout(Duration.ofMillis(500))
 *         .tcpAttempts(1)
 *         .slowLink(true)
 *         .build();
 * }</pre>
 */
public final class ProbeOptions {
    /** Default wait for one TCP connect attempt: 1 s. */
    public static final Duration DEFAULT_TCP_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Default TCP connect attempts before FILTERED: 3, as PortQry. */
    public static final int DEFAULT_TCP_ATTEMPTS = 3;
    /** Default wait for a UDP reply per attempt: 1 s (doubled by slow link). */
    public static final Duration DEFAULT_UDP_TIMEOUT = Duration.ofSeconds(1);
    /** Default UDP attempts: 1, as PortQry. */
    public static final int DEFAULT_UDP_ATTEMPTS = 1;
    /** Default deadline for a whole TCP protocol conversation: 5 s. */
    public static final Duration DEFAULT_RESPONDER_TIMEOUT = Duration.ofSeconds(5);
    /** Default cap on the bytes of one reply: 1 MiB. */
    public static final int DEFAULT_MAX_REPLY_BYTES = 1 << 20;
    /** Default cap on entries a responder collects (endpoints, attribute values, names): 10,000. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** Default bound on probes in flight in a scan: 0, meaning half the free file descriptors, at most 4096. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 0;

    /** Default starting interval between paced UDP re-probes: 1 s, Linux's default {@code icmp_ratelimit}. */
    public static final Duration DEFAULT_ICMP_INTERVAL = Duration.ofSeconds(1);

    /** Default time a scan may spend on paced UDP re-probes: 10 min. */
    public static final Duration DEFAULT_UDP_PACING_BUDGET = Duration.ofMinutes(10);
    /** Longest UDP pacing budget: 2 h. */
    public static final Duration MAX_UDP_PACING_BUDGET = Duration.ofHours(2);

    private static final ProbeOptions DEFAULTS = new Builder().build();

    private final Duration tcpConnectTimeout;
    private final int tcpAttempts;
    private final Duration udpTimeout;
    private final int udpAttempts;
    private final boolean slowLink;
    private final Duration responderTimeout;
    private final int sourcePort;
    private final IpPreference ipPreference;
    private final boolean reverseLookup;
    private final int maxReplyBytes;
    private final int maxEntries;
    private final ResponderSelection responderSelection;
    private final int maxInFlight;
    private final UdpPacing udpPacing;
    private final ConnectionMode connectionMode;
    private final Duration icmpInterval;
    private final Duration udpPacingBudget;
    private final Map<ResponderSetting<?>, Object> settings;

    private ProbeOptions(Builder b) {
        this.tcpConnectTimeout = b.tcpConnectTimeout;
        this.tcpAttempts = b.tcpAttempts;
        this.udpTimeout = b.udpTimeout;
        this.udpAttempts = b.udpAttempts;
        this.slowLink = b.slowLink;
        this.responderTimeout = b.responderTimeout;
        this.sourcePort = b.sourcePort;
        this.ipPreference = b.ipPreference;
        this.reverseLookup = b.reverseLookup;
        this.maxReplyBytes = b.maxReplyBytes;
        this.maxEntries = b.maxEntries;
        this.responderSelection = b.responderSelection;
        this.maxInFlight = b.maxInFlight;
        this.udpPacing = b.udpPacing;
        this.connectionMode = b.connectionMode;
        this.icmpInterval = b.icmpInterval;
        this.udpPacingBudget = b.udpPacingBudget;
        this.settings = Collections.unmodifiableMap(new HashMap<>(b.settings));
    }

    /** @return the options with every default */
    public static ProbeOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the wait for one TCP connect attempt */
    public Duration tcpConnectTimeout() {
        return tcpConnectTimeout;
    }

    /** @return TCP connect attempts before FILTERED */
    public int tcpAttempts() {
        return tcpAttempts;
    }

    /** @return the configured UDP wait per attempt, before the slow-link factor */
    public Duration udpTimeout() {
        return udpTimeout;
    }

    /** @return the UDP wait per attempt actually used: doubled when {@link #slowLink()} is on */
    public Duration effectiveUdpTimeout() {
        return slowLink ? udpTimeout.multipliedBy(2) : udpTimeout;
    }

    /** @return UDP attempts (plain datagram and protocol query each) */
    public int udpAttempts() {
        return udpAttempts;
    }

    /** @return whether UDP waits are doubled (PortQry {@code -sl}) */
    public boolean slowLink() {
        return slowLink;
    }

    /** @return the deadline for a whole TCP protocol conversation, from connect to result */
    public Duration responderTimeout() {
        return responderTimeout;
    }

    /** @return the local source port, 0 for an ephemeral one */
    public int sourcePort() {
        return sourcePort;
    }

    /** @return which addresses of a name are probed */
    public IpPreference ipPreference() {
        return ipPreference;
    }

    /** @return whether an IP target is resolved back to a name */
    public boolean reverseLookup() {
        return reverseLookup;
    }

    /** @return the cap on the bytes of one reply */
    public int maxReplyBytes() {
        return maxReplyBytes;
    }

    /** @return the cap on entries a responder collects */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return which responder step 2 uses */
    public ResponderSelection responderSelection() {
        return responderSelection;
    }

    /**
     * @return the bound on probes in flight in a scan; 0 means derived from the open-file limit
     *         (half of the free descriptors, at most 4096)
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** @return what a scan does about silent UDP ports of a host that rate-limits ICMP */
    public UdpPacing udpPacing() {
        return udpPacing;
    }

    /** @return which TCP connection step 2 runs on; default {@link ConnectionMode#SHARED} */
    public ConnectionMode connectionMode() {
        return connectionMode;
    }

    /** @return the starting interval between paced UDP re-probes */
    public Duration icmpInterval() {
        return icmpInterval;
    }

    /**
     * @return the most time a scan spends on paced UDP re-probes; ports not re-probed by then
     *         stay LISTENING or FILTERED (the speed/accuracy knob)
     */
    public Duration udpPacingBudget() {
        return udpPacingBudget;
    }

    /**
     * @param setting a responder setting
     * @param <T> its type
     * @return the value set, else the setting's default
     */
    public <T> T setting(ResponderSetting<T> setting) {
        Object v = settings.get(setting);
        return v == null ? setting.defaultValue() : setting.cast(v);
    }

    @Override
    public String toString() {
        return "ProbeOptions[tcpConnectTimeout=" + tcpConnectTimeout.toMillis() + "ms, tcpAttempts=" + tcpAttempts
                + ", udpTimeout=" + udpTimeout.toMillis() + "ms, udpAttempts=" + udpAttempts + ", slowLink=" + slowLink
                + ", responderTimeout=" + responderTimeout.toMillis() + "ms, sourcePort=" + sourcePort
                + ", ipPreference=" + ipPreference + ", reverseLookup=" + reverseLookup
                + ", maxReplyBytes=" + maxReplyBytes + ", maxEntries=" + maxEntries
                + ", responder=" + responderSelection + ", maxInFlight=" + maxInFlight + ", udpPacing=" + udpPacing + ", connectionMode=" + connectionMode + ", icmpInterval=" + icmpInterval.toMillis() + "ms, udpPacingBudget=" + udpPacingBudget.toMillis() + "ms" + ", settings=" + settings + "]";
    }

    /** Builds {@link ProbeOptions}; every setter validates and names its argument. */
    public static final class Builder {
        private Duration tcpConnectTimeout = DEFAULT_TCP_CONNECT_TIMEOUT;
        private int tcpAttempts = DEFAULT_TCP_ATTEMPTS;
        private Duration udpTimeout = DEFAULT_UDP_TIMEOUT;
        private int udpAttempts = DEFAULT_UDP_ATTEMPTS;
        private boolean slowLink;
        private Duration responderTimeout = DEFAULT_RESPONDER_TIMEOUT;
        private int sourcePort;
        private IpPreference ipPreference = IpPreference.SYSTEM;
        private boolean reverseLookup;
        private int maxReplyBytes = DEFAULT_MAX_REPLY_BYTES;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private ResponderSelection responderSelection = ResponderSelection.AUTO;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private UdpPacing udpPacing = UdpPacing.ADAPTIVE;
        private ConnectionMode connectionMode = ConnectionMode.SHARED;
        private Duration icmpInterval = DEFAULT_ICMP_INTERVAL;
        private Duration udpPacingBudget = DEFAULT_UDP_PACING_BUDGET;
        private final Map<ResponderSetting<?>, Object> settings = new HashMap<>();

        private Builder() {
        }

        private Builder(ProbeOptions o) {
            tcpConnectTimeout = o.tcpConnectTimeout;
            tcpAttempts = o.tcpAttempts;
            udpTimeout = o.udpTimeout;
            udpAttempts = o.udpAttempts;
            slowLink = o.slowLink;
            responderTimeout = o.responderTimeout;
            sourcePort = o.sourcePort;
            ipPreference = o.ipPreference;
            reverseLookup = o.reverseLookup;
            maxReplyBytes = o.maxReplyBytes;
            maxEntries = o.maxEntries;
            responderSelection = o.responderSelection;
            maxInFlight = o.maxInFlight;
            udpPacing = o.udpPacing;
            connectionMode = o.connectionMode;
            icmpInterval = o.icmpInterval;
            udpPacingBudget = o.udpPacingBudget;
            settings.putAll(o.settings);
        }

        /**
         * @param timeout wait for one connect attempt, 1 ms to 10 min; default {@link #DEFAULT_TCP_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder tcpConnectTimeout(Duration timeout) {
            this.tcpConnectTimeout = checkDuration("tcpConnectTimeout", timeout);
            return this;
        }

        /**
         * @param attempts connect attempts, 1-10; default {@link #DEFAULT_TCP_ATTEMPTS}
         * @return this builder
         */
        public Builder tcpAttempts(int attempts) {
            this.tcpAttempts = checkRange("tcpAttempts", attempts, 1, 10);
            return this;
        }

        /**
         * @param timeout wait for a UDP reply per attempt, 1 ms to 10 min; default {@link #DEFAULT_UDP_TIMEOUT}
         * @return this builder
         */
        public Builder udpTimeout(Duration timeout) {
            this.udpTimeout = checkDuration("udpTimeout", timeout);
            return this;
        }

        /**
         * @param attempts UDP attempts, 1-10; default {@link #DEFAULT_UDP_ATTEMPTS}
         * @return this builder
         */
        public Builder udpAttempts(int attempts) {
            this.udpAttempts = checkRange("udpAttempts", attempts, 1, 10);
            return this;
        }

        /**
         * @param on double UDP waits (PortQry {@code -sl}); default off
         * @return this builder
         */
        public Builder slowLink(boolean on) {
            this.slowLink = on;
            return this;
        }

        /**
         * @param timeout deadline of a TCP protocol conversation, 1 ms to 10 min; default {@link #DEFAULT_RESPONDER_TIMEOUT}
         * @return this builder
         */
        public Builder responderTimeout(Duration timeout) {
            this.responderTimeout = checkDuration("responderTimeout", timeout);
            return this;
        }

        /**
         * @param port local source port 1-65535, or 0 for an ephemeral one (the default)
         * @return this builder
         */
        public Builder sourcePort(int port) {
            this.sourcePort = checkRange("sourcePort", port, 0, 65535);
            return this;
        }

        /**
         * @param preference which addresses of a name to probe; default {@link IpPreference#SYSTEM}
         * @return this builder
         */
        public Builder ipPreference(IpPreference preference) {
            this.ipPreference = Objects.requireNonNull(preference, "ipPreference");
            return this;
        }

        /**
         * @param on resolve an IP target back to a name; default off
         * @return this builder
         */
        public Builder reverseLookup(boolean on) {
            this.reverseLookup = on;
            return this;
        }

        /**
         * @param bytes cap on one reply, 64 B to 64 MiB; default {@link #DEFAULT_MAX_REPLY_BYTES}
         * @return this builder
         */
        public Builder maxReplyBytes(int bytes) {
            this.maxReplyBytes = checkRange("maxReplyBytes", bytes, 64, 64 << 20);
            return this;
        }

        /**
         * @param entries cap on entries a responder collects, 1 to 1,000,000; default {@link #DEFAULT_MAX_ENTRIES}
         * @return this builder
         */
        public Builder maxEntries(int entries) {
            this.maxEntries = checkRange("maxEntries", entries, 1, 1_000_000);
            return this;
        }

        /**
         * @param selection which responder step 2 uses; default {@link ResponderSelection#AUTO}
         * @return this builder
         */
        public Builder responder(ResponderSelection selection) {
            this.responderSelection = Objects.requireNonNull(selection, "responder");
            return this;
        }

        /**
         * @param probes bound on probes (and sockets) in flight in a scan, 1-100,000, or 0 (the
         *        default) to derive it from the open-file limit
         * @return this builder
         */
        public Builder maxInFlight(int probes) {
            this.maxInFlight = checkRange("maxInFlight", probes, 0, 100_000);
            return this;
        }

        /**
         * @param mode which TCP connection step 2's query runs on: step 1's
         *        ({@link ConnectionMode#SHARED}, the default: one connection per probe) or a second
         *        one ({@link ConnectionMode#SEPARATE}, PortQry's two steps)
         * @return this builder
         */
        public Builder connectionMode(ConnectionMode mode) {
            this.connectionMode = Objects.requireNonNull(mode, "connectionMode");
            return this;
        }

        /**
         * @param pacing what a scan does about silent UDP ports of an ICMP-rate-limited host;
         *        default {@link UdpPacing#ADAPTIVE}
         * @return this builder
         */
        public Builder udpPacing(UdpPacing pacing) {
            this.udpPacing = Objects.requireNonNull(pacing, "udpPacing");
            return this;
        }

        /**
         * @param interval starting interval between paced UDP re-probes, 1 ms to 10 min; default
         *        {@link #DEFAULT_ICMP_INTERVAL}
         * @return this builder
         */
        public Builder icmpInterval(Duration interval) {
            this.icmpInterval = checkDuration("icmpInterval", interval);
            return this;
        }

        /**
         * @param budget most time a scan spends on paced UDP re-probes, 1 ms to 2 h (a rate-limited
         *        host answers about one closed port a second, so 1,000 ports need about 17 min); default
         *        {@link #DEFAULT_UDP_PACING_BUDGET}
         * @return this builder
         */
        public Builder udpPacingBudget(Duration budget) {
            Objects.requireNonNull(budget, "udpPacingBudget");
            if (budget.toMillis() < 1 || budget.compareTo(MAX_UDP_PACING_BUDGET) > 0) {
                throw new IllegalArgumentException("udpPacingBudget must be between 1 ms and 2 h, was " + budget);
            }
            this.udpPacingBudget = budget;
            return this;
        }

        /**
         * Sets a responder setting, e.g. the SNMP community.
         *
         * @param setting the setting, not null
         * @param value its value, not null
         * @param <T> its type
         * @return this builder
         */
        public <T> Builder set(ResponderSetting<T> setting, T value) {
            Objects.requireNonNull(setting, "setting");
            settings.put(setting, setting.cast(Objects.requireNonNull(value, setting.name())));
            return this;
        }

        /** @return the options */
        public ProbeOptions build() {
            return new ProbeOptions(this);
        }

        private static Duration checkDuration(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(name + " must be between 1 ms and 10 min, was " + d);
            }
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + d);
            }
            return d;
        }

        private static int checkRange(String name, int v, int min, int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + v);
            }
            return v;
        }
    }
}
