package dev.portqry.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The fleet files shipped in portqry-examples/exporter, checked with the real {@code promtool}:
 * the alert rules (and their unit tests), the site's Prometheus configuration, and the Kubernetes
 * manifest's Prometheus configuration and modules file.
 */
class PrometheusFilesTest {
    static final Path DIR = Path.of("exporter");

    @TempDir
    Path tmp;

    @Test
    void alertRulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
        Promtool.Result check = Promtool.run(null, DIR, "check", "rules", "portqry-rules.yml");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 5 rules found");
        Promtool.Result test = Promtool.run(null, DIR, "test", "rules", "portqry-rules.test.yml");
        assertThat(test.exit()).as(test.output()).isZero();
    }

    @Test
    void theSitePrometheusConfigPassesPromtool() throws Exception {
        Promtool.Result check = Promtool.run(null, DIR, "check", "config", "prometheus-site.yml");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void theKubernetesManifestHoldsADeploymentAServiceAndValidConfigs() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object o : yaml.loadAll(Files.readString(DIR.resolve("kubernetes.yml"), StandardCharsets.UTF_8))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            docs.add(m);
        }
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("ConfigMap", "Deployment", "Service", "ConfigMap");
        @SuppressWarnings("unchecked")
        String modules = ((Map<String, String>) docs.get(0).get("data")).get("portqry-exporter.yml");
        ExporterConfig cfg = ExporterConfigLoader.parse(new StringReader(modules), "kubernetes.yml portqry-exporter.yml");
        assertThat(cfg.allowList().allowsName("dc1.corp.example.test")).isTrue();
        @SuppressWarnings("unchecked")
        String prometheus = ((Map<String, String>) docs.get(3).get("data")).get("prometheus.yml");
        Files.writeString(tmp.resolve("prometheus.yml"), prometheus, StandardCharsets.UTF_8);
        Promtool.Result check = Promtool.run(null, tmp, "check", "config", "prometheus.yml");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(prometheus).contains("__param_target").contains("portqry-exporter.monitoring.svc:9135");
    }
}
