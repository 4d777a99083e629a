package dev.portqry.protocols.sqlbrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.sqlbrowser.internal.SqlBrowserRequest;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** MC-SQLR requests and SVR_RESP decoding against vectors built from the spec. */
class SqlBrowserCodecTest {

    private static SqlBrowserResult decode(byte[] bytes, int maxEntries) {
        return WireBytes.decode(bytes, buf -> SqlBrowserResult.decode(buf, maxEntries));
    }

    private static byte[] svrResp(String data) {
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[3 + d.length];
        b[0] = 0x05;
        b[1] = (byte) d.length;
        b[2] = (byte) (d.length >> 8);
        System.arraycopy(d, 0, b, 3, d.length);
        return b;
    }

    private static byte[] encode(SqlBrowserRequest r) {
        return WireBytes.drain(r.encode(UnpooledByteBufAllocator.DEFAULT));
    }

    @Test
    void encodesRequests() {
        assertThat(encode(SqlBrowserRequest.enumerate())).isEqualTo(GoldenVectors.query("sqlbrowser/mcsqlr-one-instance.hex"));
        assertThat(encode(new SqlBrowserRequest(SqlBrowserRequest.CLNT_BCAST_EX, ""))).containsExactly(0x02);
        assertThat(encode(SqlBrowserRequest.instance("REPORTS"))).containsExactly(0x04, 'R', 'E', 'P', 'O', 'R', 'T', 'S', 0);
        assertThatThrownBy(() -> SqlBrowserRequest.instance("X".repeat(33))).hasMessageContaining("at most 32 bytes");
        assertThatThrownBy(() -> new SqlBrowserRequest(7, "")).hasMessage("type must be 0x02, 0x03 or 0x04, was 7");
    }

    @Test
    void decodesOneInstanceAsPortQryPrintsIt() {
        SqlBrowserResult r = decode(GoldenVectors.hex("sqlbrowser/mcsqlr-one-instance.hex"), 100);
        SqlServerInstance i = r.instances().get(0);
        assertThat(i.serverName()).isEqualTo("SQL1");
        assertThat(i.instanceName()).isEqualTo("MSSQLSERVER");
        assertThat(i.isClustered()).isFalse();
        assertThat(i.version()).isEqualTo("15.0.2000.5");
        assertThat(i.tcpPort()).isEqualTo(OptionalInt.of(1433));
        assertThat(i.namedPipe()).hasValue("\\\\SQL1\\pipe\\sql\\query");
        assertThat(r.reportLines()).containsExactly(
                "Server's response:",
                "",
                "ServerName SQL1",
                "InstanceName MSSQLSERVER",
                "IsClustered No",
                "Version 15.0.2000.5",
                "tcp 1433",
                "np \\\\SQL1\\pipe\\sql\\query",
                "",
                "==== End of SQL Server query response ====");
    }

    @Test
    void keepsEveryKeyInOrderAcrossInstances() {
        SqlBrowserResult r = decode(GoldenVectors.hex("sqlbrowser/mcsqlr-two-instances.hex"), 100);
        assertThat(r.instances()).hasSize(2);
        SqlServerInstance reports = r.instances().get(1);
        assertThat(reports.properties().keySet())
                .containsExactly("ServerName", "InstanceName", "IsClustered", "Version", "tcp", "np", "via", "rpc");
        assertThat(reports.isClustered()).isTrue();
        assertThat(reports.get("via")).hasValue("SQL1,0:1433");
        assertThat(r.reportLines()).containsSubsequence("np \\\\SQL1\\pipe\\sql\\query", "", "ServerName SQL1");
        assertThat(r.summary()).isEqualTo("2 instances, first SQL1\\MSSQLSERVER");
    }

    @Test
    void malformedResponsesAreDecodeErrors() {
        assertThatThrownBy(() -> decode(new byte[] {0x05, 0}, 10)).hasMessageContaining("shorter than the SVR_RESP header");
        assertThatThrownBy(() -> decode(new byte[] {0x03, 0, 0}, 10)).hasMessageContaining("0x03 is not SVR_RESP");
        byte[] lying = svrResp("ServerName;A;;");
        lying[1] = (byte) 0xff;
        assertThatThrownBy(() -> decode(lying, 10)).hasMessageContaining("RESP_SIZE 255 but 14 bytes follow");
        assertThatThrownBy(() -> decode(svrResp("ServerName;A;"), 10)).hasMessageContaining("does not end with ;;");
        assertThatThrownBy(() -> decode(svrResp(";;"), 10)).hasMessageContaining("empty instance");
        assertThatThrownBy(() -> decode(svrResp("ServerName;A;;ServerName;B;;"), 1)).hasMessageContaining("more than 1 instances");
        assertThatThrownBy(() -> decode(svrResp("ServerName;;"), 10)).isInstanceOf(ProtocolDecodeException.class);
    }

    @Test
    void everyTruncationIsADecodeError() {
        byte[] full = GoldenVectors.hex("sqlbrowser/mcsqlr-two-instances.hex");
        WireBytes.assertEveryTruncationFails(full, full.length, buf -> SqlBrowserResult.decode(buf, 100));
    }

    @Test
    void randomCorruptionOnlyEverRaisesDecodeErrors() {
        WireBytes.assertCorruptionOnlyRaisesDecodeErrors(GoldenVectors.hex("sqlbrowser/mcsqlr-two-instances.hex"), 1434, 2,
                buf -> SqlBrowserResult.decode(buf, 100));
    }

    @Test
    void instanceDataWithEscapesIsKeptRawAndRenderedEscaped() {
        String evil = "\u001b[2J\u001b[H\u0007\r\nUDP port 1434 is NOT LISTENING";
        SqlBrowserResult r = decode(svrResp("ServerName;DB" + evil + ";InstanceName;SQLEXPRESS;IsClustered;No;Version;16.0;tcp;1433;;"), 10);
        assertThat(r.instances().get(0).serverName()).isEqualTo("DB" + evil);
        assertThat(String.join("\n", r.reportLines()) + r.summary())
                .contains("DB\\x1b[2J\\x1b[H\\x07\\r\\nUDP port 1434 is NOT LISTENING")
                .doesNotContain("\u001b", "\r", "\u0007");
    }
}
