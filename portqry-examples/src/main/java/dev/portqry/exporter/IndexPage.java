package dev.portqry.exporter;

import java.util.Map;

/** The exporter's index page: what it is, its modules and their ports, and how to scrape it. */
final class IndexPage {
    private IndexPage() {
    }

    /**
     * @param config the modules and allow-list, not null
     * @return the page, HTML, every configured text escaped
     */
    static String html(ExporterConfig config) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>portqry exporter</title></head><body>\n")
                .append("<h1>portqry exporter</h1>\n")
                .append("<p>Probe with <code>/probe?target=HOST&amp;module=NAME</code>; the exporter's own metrics are on ")
                .append("<a href=\"/metrics\">/metrics</a>. Targets allowed: ")
                .append(escape(config.allowList().toString()))
                .append(". Ports marked * are required for probe_success.</p>\n<table border=\"1\">\n")
                .append("<tr><th>module</th><th>description</th><th>ports</th><th>timeout</th></tr>\n");
        for (Map.Entry<String, ProbeModule> e : config.modules().entrySet()) {
            ProbeModule m = e.getValue();
            b.append("<tr><td><code>").append(escape(m.name())).append("</code></td><td>").append(escape(m.description()))
                    .append("</td><td>").append(escape(m.portSummary()))
                    .append(m.rpcDynamicPorts() ? "; endpoint mapper's dynamic ports" : "")
                    .append("</td><td>").append(m.timeout().toMillis()).append(" ms</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
