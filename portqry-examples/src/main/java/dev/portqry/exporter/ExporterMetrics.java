package dev.portqry.exporter;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.IntSupplier;

/**
 * The exporter's own metrics, served on {@code /metrics}: probes run per module and result,
 * requests refused per reason, probes and connections open now, and the JVM's heap.
 */
final class ExporterMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter probes;
    private final Counter refused;

    /**
     * @param probesInFlight how many probes run now
     * @param connections how many HTTP connections are open now
     */
    ExporterMetrics(IntSupplier probesInFlight, IntSupplier connections) {
        probes = Counter.builder().name("portqry_exporter_probes_total").help("Probes run, per module and result")
                .labelNames("module", "result").withoutExemplars().build();
        refused = Counter.builder().name("portqry_exporter_requests_refused_total")
                .help("Requests refused: allow_list (403), concurrency (429), connections (503), bad_request (400/404/405)")
                .labelNames("reason").withoutExemplars().build();
        registry.register(probes);
        registry.register(refused);
        for (String reason : new String[] {"allow_list", "concurrency", "connections", "bad_request"}) {
            refused.initLabelValues(reason);
        }
        registry.register(GaugeWithCallback.builder().name("portqry_exporter_probes_in_flight").help("Probes running now")
                .callback(cb -> cb.call(probesInFlight.getAsInt())).build());
        registry.register(GaugeWithCallback.builder().name("portqry_exporter_connections").help("HTTP connections open now")
                .callback(cb -> cb.call(connections.getAsInt())).build());
        Runtime rt = Runtime.getRuntime();
        registry.register(GaugeWithCallback.builder().name("portqry_exporter_heap_used_bytes").help("JVM heap in use")
                .callback(cb -> cb.call(rt.totalMemory() - rt.freeMemory())).build());
        registry.register(GaugeWithCallback.builder().name("portqry_exporter_heap_max_bytes").help("JVM heap limit")
                .callback(cb -> cb.call(rt.maxMemory())).build());
    }

    /** Counts a finished probe. */
    void probed(String module, boolean success) {
        probes.labelValues(module, success ? "success" : "failure").inc();
    }

    /** Counts a refused request. */
    void refused(String reason) {
        refused.labelValues(reason).inc();
    }

    /** @return the exposition, UTF-8 */
    byte[] text() {
        return ProbeMetrics.exposition(registry);
    }
}
