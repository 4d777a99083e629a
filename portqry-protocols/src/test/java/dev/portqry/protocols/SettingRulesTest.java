package dev.portqry.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProbeOptions;
import dev.portqry.core.spi.ResponderSetting;
import dev.portqry.protocols.dns.DnsResponder;
import dev.portqry.protocols.greeting.GreetingResponder;
import dev.portqry.protocols.l2tp.L2tpResponder;
import dev.portqry.protocols.msrpc.EndpointMapperResponder;
import dev.portqry.protocols.sqlbrowser.SqlBrowserResponder;
import dev.portqry.protocols.tftp.TftpResponder;
import org.junit.jupiter.api.Test;

/** The responders' settings refuse bad values when the options are built, naming the setting. */
class SettingRulesTest {

    private static <T> void refused(ResponderSetting<T> setting, T value, String message) {
        assertThatThrownBy(() -> ProbeOptions.builder().set(setting, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void badValuesAreRefusedAtBuildTime() {
        refused(L2tpResponder.HOST_NAME, "", "l2tp.hostName must be non-empty, was \"\"");
        refused(GreetingResponder.MAX_LINES, 0, "greeting.maxLines must be at least 1, was \"0\"");
        refused(DnsResponder.QUERY_TYPE, "BOGUS", "dns.type must be empty, a record type or 0-65535, was \"BOGUS\"");
        refused(DnsResponder.QUERY_TYPE, "70000", "dns.type must be empty, a record type or 0-65535, was \"70000\"");
        refused(TftpResponder.FILE_NAME, "has space.txt",
                "tftp.fileName must be empty or 1-512 printable ASCII characters without spaces, was \"has space.txt\"");
        refused(SqlBrowserResponder.INSTANCE, "x".repeat(33), "sqlbrowser.instance must be at most 32 bytes, was \"" + "x".repeat(33) + "\"");
        refused(EndpointMapperResponder.LOOKUP_PAGE_SIZE, 501, "msrpc.lookup.pageSize must be 1-500, was \"501\"");
    }

    @Test
    void goodValuesAndTheDefaultsPass() {
        ProbeOptions opts = ProbeOptions.builder().set(L2tpResponder.HOST_NAME, "lns").set(GreetingResponder.MAX_LINES, 1)
                .set(DnsResponder.QUERY_TYPE, "srv").set(DnsResponder.QUERY_TYPE, "33").set(TftpResponder.FILE_NAME, "")
                .set(SqlBrowserResponder.INSTANCE, "SQLEXPRESS").set(EndpointMapperResponder.LOOKUP_PAGE_SIZE, 1).build();
        assertThat(opts.setting(L2tpResponder.HOST_NAME)).isEqualTo("lns");
        assertThat(ProbeOptions.builder().build().setting(L2tpResponder.HOST_NAME)).isEqualTo("portqry");
    }
}
