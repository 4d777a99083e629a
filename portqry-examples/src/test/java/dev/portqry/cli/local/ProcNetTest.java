package dev.portqry.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.Protocol;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcNetTest {
    @Test
    void parsesIpv4AndIpv6Rows() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "rows below are from a little-endian kernel");
        SocketEntry v4 = ProcNet.parse("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000"
                + "     0        0 123456 1 0000000000000000 100 0 0 10 0", Protocol.TCP);
        assertThat(v4.row()).isEqualTo("TCP 8080 127.0.0.1 LISTENING 0.0.0.0:0");
        assertThat(v4.inode()).isEqualTo(123456);
        SocketEntry v6 = ProcNet.parse("   1: 00000000000000000000000001000000:0035 00000000000000000000000000000000:0000 07"
                + " 00000000:00000000 00:00000000 00000000   101        0 777 2 0000000000000000 0", Protocol.UDP);
        assertThat(v6.row()).isEqualTo("UDP 53 ::1 :");
        SocketEntry est = ProcNet.parse("   2: 0100007F:C350 0100007F:0050 01 00000000:00000000 00:00000000 00000000"
                + "     0        0 0 1 0000000000000000 20 4 30 10 -1", Protocol.TCP);
        assertThat(est.row()).isEqualTo("TCP 50000 127.0.0.1 ESTABLISHED 127.0.0.1:80");
    }

    @Test
    void dualStackSocketOnMappedAddressReadsAsIpv4() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "row below is from a little-endian kernel");
        SocketEntry e = ProcNet.parse("   0: 0000000000000000FFFF00000100007F:88B3 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000     0        0 42 1 0000000000000000 100 0 0 10 0", Protocol.TCP);
        assertThat(e.row()).isEqualTo("TCP 34995 127.0.0.1 LISTENING 0.0.0.0:0");
    }

    @Test
    void malformedRowsAreSkipped() {
        assertThat(ProcNet.parse("garbage", Protocol.TCP)).isNull();
        assertThat(ProcNet.parse("0: XYZ:1 0:0 0A a b c d e f", Protocol.TCP)).isNull();
    }
}
