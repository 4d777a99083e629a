package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.sqlbrowser.SqlBrowserResponder;
import dev.portqry.protocols.sqlbrowser.SqlBrowserResult;
import org.junit.jupiter.api.Test;

/** SQL Server Browser ([MC-SQLR] 2.2.5 SVR_RESP) under the fuzzer; its replies carry no ID. */
class SqlBrowserFuzzTest {
    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("SQL browser SVR_RESP", Seeds.golden("sqlbrowser"))
                .messages(in -> SqlBrowserResult.decode(in, 10_000));
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("SQL browser over UDP", Seeds.golden("sqlbrowser")).udp(new SqlBrowserResponder()::open);
        assertThat(r.typed()).isPositive();
    }
}
