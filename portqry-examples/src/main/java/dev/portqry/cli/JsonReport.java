package dev.portqry.cli;

import dev.portqry.core.PortStatus;
import dev.portqry.core.ResponderOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code -json} form of results: one object per port (or per target that failed to
 * resolve), with the field names CLI.md documents. Field names are stable; new fields may be added.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /**
     * @param target the target as given
     * @param s the port's status
     * @return one JSON object on one line
     */
    public static String port(String target, PortStatus s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", target);
        o.put("address", s.address());
        o.put("protocol", s.protocol());
        o.put("port", s.port());
        o.put("service", s.serviceName());
        o.put("state", s.state());
        o.put("initialState", s.initialState());
        o.put("reason", s.reason());
        o.put("attempts", s.attempts());
        o.put("elapsedMs", s.elapsed().toMillis());
        o.put("exitCode", ExitCodes.of(s.state()));
        o.put("responder", s.responder().map(JsonReport::responder).orElse(null));
        return JsonWriter.write(o);
    }

    /**
     * @param target the target as given
     * @param error why it was not probed
     * @param exitCode the exit code this contributes
     * @return one JSON object on one line
     */
    public static String failure(String target, String error, int exitCode) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", target);
        o.put("error", error);
        o.put("exitCode", exitCode);
        return JsonWriter.write(o);
    }

    private static Map<String, Object> responder(ResponderOutcome outcome) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", outcome.responder());
        if (outcome instanceof ResponderOutcome.Answered a) {
            r.put("outcome", "answered");
            r.put("summary", a.result().summary());
            r.put("type", a.result().getClass().getSimpleName());
            r.put("result", a.result());
        } else if (outcome instanceof ResponderOutcome.Unparseable u) {
            r.put("outcome", "unparseable");
            r.put("error", u.error());
            r.put("firstBytes", u.firstBytes());
        } else if (outcome instanceof ResponderOutcome.NoReply n) {
            r.put("outcome", "noReply");
            r.put("reason", n.reason());
        }
        return r;
    }
}
