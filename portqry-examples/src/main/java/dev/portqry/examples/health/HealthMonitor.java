package dev.portqry.examples.health;

import dev.portqry.protocols.health.CheckResult;
import dev.portqry.protocols.health.HealthCheck;
import dev.portqry.protocols.health.HealthConfig;
import dev.portqry.protocols.health.HealthState;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link HealthCheck}s on a schedule and keeps each one's latest {@link CheckReport}.
 * Every round runs all checks at once, each bounded by its own deadline; the next round starts
 * {@code interval} after the previous one ended, so rounds never overlap. State changes are
 * logged through slf4j (DOWN at WARN, UP at INFO). Thread-safe.
 *
 * <pre>{@code
 * try (PortProbe probe = PortProbe.builder().build();
 *      HealthMonitor monitor = HealthMonitor.builder(probe).add(ldapCheck).interval(Duration.ofSeconds(30)).build()) {
 *     monitor.start();
 *     HealthReport now = monitor.report();
 * }
 * }</pre>
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    /** The pause between rounds when none is set. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final PortProbe probe;
    private final ProbeOptions options;
    private final List<HealthCheck> checks;
    private final Duration interval;
    private final Map<String, CheckReport> reports = new LinkedHashMap<>();
    private final List<HealthListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;

    private HealthMonitor(Builder b) {
        this.probe = b.probe;
        this.options = b.options != null ? b.options : probe.defaultOptions();
        this.checks = List.copyOf(b.checks);
        this.interval = b.interval;
        Instant now = Instant.now();
        for (HealthCheck c : checks) {
            if (reports.put(c.name(), CheckReport.notRunYet(c.name(), now)) != null) {
                throw new IllegalArgumentException("check names must be unique, " + c.name() + " is used twice");
            }
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portqry-health");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param probe the probe every check uses; the caller closes it after the monitor; not null
     * @return a builder
     */
    public static Builder builder(PortProbe probe) {
        return new Builder(probe);
    }

    /** Starts the schedule: a round now, then one every {@code interval} after the previous ended. */
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce().join();
            } catch (RuntimeException e) {
                // A failing round must not end the schedule.
                log.error("health round failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs every check once, now, besides any schedule.
     *
     * @return the report once every check finished (each within its deadline)
     */
    public CompletableFuture<HealthReport> runOnce() {
        List<CompletableFuture<CheckResult>> runs = new ArrayList<>(checks.size());
        for (HealthCheck c : checks) {
            runs.add(c.run(probe, options).thenApply(r -> {
                record(r);
                return r;
            }));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(v -> report());
    }

    private void record(CheckResult result) {
        CheckReport before;
        CheckReport after;
        synchronized (reports) {
            before = reports.get(result.name());
            after = before.next(result);
            reports.put(result.name(), after);
        }
        boolean changed = before.state() != after.state();
        if (changed) {
            if (after.state() == HealthState.DOWN) {
                log.warn("health check {} {} -> DOWN: {}", result.name(), before.state(), result.reason());
            } else {
                log.info("health check {} {} -> {}: {}", result.name(), before.state(), after.state(), result.reason());
            }
        } else {
            log.debug("health check {} still {}: {}", result.name(), after.state(), result.reason());
        }
        for (HealthListener l : listeners) {
            try {
                l.onResult(result, after, changed);
            } catch (RuntimeException e) {
                log.warn("health listener {} failed", l, e);
            }
        }
    }

    /** @return every check's current report, in declaration order */
    public HealthReport report() {
        synchronized (reports) {
            return new HealthReport(new ArrayList<>(reports.values()));
        }
    }

    /** @return the declared checks, in order */
    public List<HealthCheck> checks() {
        return checks;
    }

    /**
     * @param listener hears every finished run from now on, not null
     */
    public void addListener(HealthListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops the schedule; a round in flight finishes on its own. Leaves the probe open. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Builds a {@link HealthMonitor}. */
    public static final class Builder {
        private final PortProbe probe;
        private final List<HealthCheck> checks = new ArrayList<>();
        private ProbeOptions options;
        private Duration interval = DEFAULT_INTERVAL;

        private Builder(PortProbe probe) {
            this.probe = Objects.requireNonNull(probe, "probe");
        }

        /**
         * @param check a check, not null; names must be unique
         * @return this builder
         */
        public Builder add(HealthCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * @param all checks, e.g. from {@link HealthConfig#load}; not null
         * @return this builder
         */
        public Builder addAll(List<HealthCheck> all) {
            all.forEach(this::add);
            return this;
        }

        /**
         * @param options the options every check starts from; default the probe's default options
         * @return this builder
         */
        public Builder options(ProbeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param interval the pause between rounds, 100 ms to 1 day; default {@link #DEFAULT_INTERVAL}
         * @return this builder
         */
        public Builder interval(Duration interval) {
            if (interval == null || interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("interval must be 100 ms to 1 day, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** @return the monitor, not started */
        public HealthMonitor build() {
            return new HealthMonitor(this);
        }
    }
}
