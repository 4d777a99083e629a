package dev.portqry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    record Inner(String name, Optional<Integer> count) {
    }

    record Outer(List<Inner> items, Map<String, Object> attrs, byte[] raw, TimeUnit unit, Instant at,
                 Duration took, InetAddress addr, Optional<String> none, double ratio) {
    }

    private record Hidden(String secret) {
    }

    @Test
    void walksRecordsIntoJsonAnIndependentParserReads() throws Exception {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("multi", List.of("a", "b"));
        attrs.put("quote\"key", "line\nbreak\ttab\u0001");
        Outer o = new Outer(List.of(new Inner("x", Optional.of(3)), new Inner("y", Optional.empty())), attrs,
                new byte[] {0x30, (byte) 0x84, 0x00}, TimeUnit.SECONDS, Instant.parse("2026-01-02T03:04:05Z"),
                Duration.ofMillis(1500), InetAddress.getByName("::1"), Optional.empty(), 0.5);
        String text = JsonWriter.write(o);
        assertThat(text).doesNotContain("\n");
        JsonObject j = JsonParser.parseString(text).getAsJsonObject();
        assertThat(j.getAsJsonArray("items").get(0).getAsJsonObject().get("count").getAsInt()).isEqualTo(3);
        assertThat(j.getAsJsonArray("items").get(1).getAsJsonObject().get("count").isJsonNull()).isTrue();
        assertThat(j.getAsJsonObject("attrs").getAsJsonArray("multi")).hasSize(2);
        assertThat(j.getAsJsonObject("attrs").get("quote\"key").getAsString()).isEqualTo("line\nbreak\ttab\u0001");
        assertThat(j.get("raw").getAsString()).isEqualTo("308400");
        assertThat(j.get("unit").getAsString()).isEqualTo("SECONDS");
        assertThat(j.get("at").getAsString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(j.get("took").getAsLong()).isEqualTo(1500);
        assertThat(j.get("addr").getAsString()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(j.get("none").isJsonNull()).isTrue();
        assertThat(j.get("ratio").getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void readsRecordsOfNonPublicTypes() {
        assertThat(JsonWriter.write(new Hidden("s"))).isEqualTo("{\"secret\":\"s\"}");
    }

    @Test
    void nonFiniteNumbersBecomeStrings() {
        assertThat(JsonWriter.write(List.of(Double.NaN, 1))).isEqualTo("[\"NaN\",1]");
    }
}
