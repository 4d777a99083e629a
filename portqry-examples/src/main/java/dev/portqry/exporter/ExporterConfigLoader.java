package dev.portqry.exporter;

import dev.portqry.cli.ResponderSettings;
import dev.portqry.cli.PredefinedServices;
import dev.portqry.core.PortState;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.PortClaim;
import dev.portqry.core.spi.ResponderRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the exporter's modules file, YAML in the spirit of {@code blackbox.yml}:
 *
 * <pre>
 * allow:                        # targets /probe may name; absent or empty: loopback only
 *   - 10.1.0.0/16
 *   - "*.corp.example.test"
 * max_concurrent_probes: 32     # 429 past it
 * max_connections: 256          # 503 past it
 * modules:
 *   dc_ldap:
 *     description: LDAP, LDAPS and the GC of a domain controller
 *     service: domains          # optional: start from a predefined service's ports (not required)
 *     ports:                    # a bare port is required; a map may say required: false
 *       - tcp/389
 *       - port: tcp/636
 *         expect: cert-days-left=30
 *       - port: udp/389
 *         required: false
 *       - port: tcp/23
 *         state: not_listening
 *     rpc_dynamic_ports: false  # dump TCP 135 and probe every dynamic port it lists
 *     kerberos_answer: false    # a listening port 88 must answer with a Kerberos message
 *     timeout: 10s              # cap on the scrape timeout, and the deadline without one
 *     settings:
 *       snmp.community: public
 * </pre>
 *
 * Modules of the file are added to the built-in ones (a file module of the same name replaces
 * the built-in one). Unknown keys, wrong types, bad values and duplicate keys are errors that
 * name the file, the line and the field; the file is then not used at all.
 */
public final class ExporterConfigLoader {
    /** Files larger than this are refused rather than read. */
    static final int MAX_BYTES = 1 << 20;
    private static final Set<String> TOP_KEYS = Set.of("allow", "max_concurrent_probes", "max_connections", "modules");
    private static final Set<String> MODULE_KEYS = Set.of("description", "service", "ports", "rpc_dynamic_ports",
            "kerberos_answer", "timeout", "settings");
    private static final Set<String> PORT_KEYS = Set.of("port", "required", "state", "expect");

    private final String source;
    private final ResponderSettings settings = new ResponderSettings(ResponderRegistry.loadDefault());

    private ExporterConfigLoader(String source) {
        this.source = source;
    }

    /**
     * @param file the modules file, UTF-8, not null
     * @return the configuration: built-in modules plus the file's
     * @throws ExporterConfigException naming the file, line and field of the first problem
     */
    public static ExporterConfig load(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ExporterConfigException(file + ": larger than " + MAX_BYTES + " bytes", null);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExporterConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(new StringReader(text), file.toString());
    }

    /**
     * @param yaml the YAML text, not null
     * @param source its name in error messages
     * @return the configuration: built-in modules plus the text's
     * @throws ExporterConfigException naming {@code source}, line and field of the first problem
     */
    public static ExporterConfig parse(Reader yaml, String source) {
        return new ExporterConfigLoader(source).read(yaml);
    }

    private ExporterConfig read(Reader reader) {
        LoaderOptions lo = new LoaderOptions();
        lo.setAllowDuplicateKeys(false);
        lo.setMaxAliasesForCollections(20);
        lo.setCodePointLimit(MAX_BYTES);
        lo.setNestingDepthLimit(20);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(lo)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ExporterConfigException(source + " line " + line + ": not valid YAML: "
                    + String.valueOf(e.getProblem()).trim(), e);
        } catch (YAMLException e) {
            throw new ExporterConfigException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        ExporterConfig base = ExporterConfig.defaults();
        if (root == null) {
            return base;
        }
        Map<String, Node> top = mapping(root, "(top level)", TOP_KEYS);
        TargetAllowList allow = TargetAllowList.LOOPBACK_ONLY;
        if (top.containsKey("allow") && !isNull(top.get("allow"))) {
            List<String> entries = new ArrayList<>();
            List<Node> items = sequence(top.get("allow"), "allow");
            for (int i = 0; i < items.size(); i++) {
                String field = "allow[" + i + "]";
                String entry = scalar(items.get(i), field);
                check(items.get(i), field, () -> TargetAllowList.of(List.of(entry)));
                entries.add(entry);
            }
            allow = TargetAllowList.of(entries);
        }
        int probes = top.containsKey("max_concurrent_probes")
                ? integer(top.get("max_concurrent_probes"), "max_concurrent_probes", 1, 4096) : base.maxConcurrentProbes();
        int connections = top.containsKey("max_connections")
                ? integer(top.get("max_connections"), "max_connections", 1, 65536) : base.maxConnections();
        Map<String, ProbeModule> modules = new LinkedHashMap<>(base.modules());
        if (top.containsKey("modules") && !isNull(top.get("modules"))) {
            mapping(top.get("modules"), "modules", null);
            for (NodeTuple t : ((MappingNode) top.get("modules")).getValue()) {
                String name = scalar(t.getKeyNode(), "modules key");
                modules.put(name, module(name, t.getKeyNode(), t.getValueNode()));
            }
        }
        return new ExporterConfig(modules, allow, probes, connections);
    }

    private ProbeModule module(String name, Node key, Node node) {
        String field = "modules." + name;
        Map<String, Node> m = mapping(node, field, MODULE_KEYS);
        Map<String, ModulePort> ports = new LinkedHashMap<>();
        if (m.containsKey("service")) {
            String svc = scalar(m.get("service"), field + ".service");
            List<PortClaim> claims = PredefinedServices.service(svc).map(s -> s.ports()).orElseThrow(() -> error(
                    m.get("service"), field + ".service", "no predefined service " + svc + "; known: "
                            + PredefinedServices.services().stream().map(s -> s.key()).toList(), null));
            for (PortClaim c : claims) {
                ModulePort p = ModulePort.of(c.protocol(), c.port(), false);
                ports.put(p.key(), p);
            }
        }
        if (m.containsKey("ports")) {
            List<Node> items = sequence(m.get("ports"), field + ".ports");
            Set<String> listed = new java.util.HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                ModulePort p = port(items.get(i), field + ".ports[" + i + "]");
                if (!listed.add(p.key())) {
                    throw error(items.get(i), field + ".ports[" + i + "]", p.key() + " is listed twice", null);
                }
                ports.put(p.key(), p);
            }
        }
        if (ports.isEmpty()) {
            throw error(key, field, "needs ports or service", null);
        }
        String description = m.containsKey("description") ? scalar(m.get("description"), field + ".description") : "";
        boolean rpc = m.containsKey("rpc_dynamic_ports") && bool(m.get("rpc_dynamic_ports"), field + ".rpc_dynamic_ports");
        boolean krb = m.containsKey("kerberos_answer") && bool(m.get("kerberos_answer"), field + ".kerberos_answer");
        Duration timeout = m.containsKey("timeout") ? duration(m.get("timeout"), field + ".timeout") : ProbeModule.DEFAULT_TIMEOUT;
        Map<String, String> values = new LinkedHashMap<>();
        if (m.containsKey("settings")) {
            for (Map.Entry<String, Node> s : mapping(m.get("settings"), field + ".settings", null).entrySet()) {
                String f = field + ".settings." + s.getKey();
                values.put(s.getKey(), scalar(s.getValue(), f));
                check(s.getValue(), f, () -> settings.apply(ProbeOptions.defaults(), Map.of(s.getKey(), values.get(s.getKey()))));
            }
        }
        return check(key, field, () -> new ProbeModule(name, description, new ArrayList<>(ports.values()), rpc, krb, timeout, values));
    }

    private ModulePort port(Node node, String field) {
        if (node instanceof ScalarNode) {
            String text = scalar(node, field);
            return check(node, field, () -> ModulePort.parse(text, true));
        }
        Map<String, Node> m = mapping(node, field, PORT_KEYS);
        if (!m.containsKey("port")) {
            throw error(node, field + ".port", "missing (e.g. port: tcp/389)", null);
        }
        String text = scalar(m.get("port"), field + ".port");
        ModulePort p = check(m.get("port"), field + ".port", () -> ModulePort.parse(text, true));
        boolean required = !m.containsKey("required") || bool(m.get("required"), field + ".required");
        PortState state = PortState.LISTENING;
        if (m.containsKey("state")) {
            String s = scalar(m.get("state"), field + ".state");
            state = check(m.get("state"), field + ".state", () -> {
                try {
                    return PortState.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("must be listening, not_listening, filtered or "
                            + "listening_or_filtered, was " + s, e);
                }
            });
        }
        Optional<String> expect = Optional.empty();
        if (m.containsKey("expect")) {
            String token = scalar(m.get("expect"), field + ".expect");
            check(m.get("expect"), field + ".expect", () -> {
                HealthModelAdapter.validate(token);
                return token;
            });
            expect = Optional.of(token);
        }
        PortState expected = state;
        Optional<String> expectation = expect;
        return check(node, field, () -> new ModulePort(p.protocol(), p.port(), required, expected, expectation));
    }

    // ---- typed access to nodes, each failure naming the line and field ----

    private Map<String, Node> mapping(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode mn)) {
            throw error(node, field, "must be a mapping (key: value lines)", null);
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(t.getKeyNode(), field + " key");
            String f = field.equals("(top level)") ? key : field + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                throw error(t.getKeyNode(), f, "unknown key; known: " + allowed.stream().sorted().toList(), null);
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), f, "duplicate key", null);
            }
        }
        return out;
    }

    private List<Node> sequence(Node node, String field) {
        if (!(node instanceof SequenceNode sn)) {
            throw error(node, field, "must be a list (- item lines or [a, b])", null);
        }
        return sn.getValue();
    }

    private String scalar(Node node, String field) {
        if (!(node instanceof ScalarNode sn)) {
            throw error(node, field, "must be a single value", null);
        }
        return sn.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode sn && sn.getTag().getValue().endsWith(":null");
    }

    private boolean bool(Node node, String field) {
        String v = scalar(node, field).trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw error(node, field, "must be true or false, was " + v, null);
        }
        return v.equals("true");
    }

    private int integer(Node node, String field, int min, int max) {
        String v = scalar(node, field).trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(node, field, "must be a whole number " + min + "-" + max + ", was " + v, null);
    }

    private Duration duration(Node node, String field) {
        String v = scalar(node, field).trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)").matcher(v);
        if (!m.matches()) {
            throw error(node, field, "must be a duration such as 500ms, 10s or 2m, was " + v, null);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private <T> T check(Node node, String field, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw error(node, field, e.getMessage(), e);
        }
    }

    private ExporterConfigException error(Node node, String field, String message, Throwable cause) {
        int line = node != null && node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
        return new ExporterConfigException(source + " line " + line + ": " + field + ": " + message, cause);
    }
}
