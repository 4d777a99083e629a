package dev.portqry.protocols.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.WireBytes;
import dev.portqry.protocols.netbios.internal.NodeStatusRequest;
import dev.portqry.testkit.GoldenVectors;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** Node status request and response against the reply captured from Samba's nbt server. */
class NodeStatusCodecTest {
    private static final String GOLDEN = "netbios/samba-nbstat.hex";

    private static NodeStatusResult decode(byte[] bytes, int maxEntries) {
        return WireBytes.decode(bytes, buf -> NodeStatusResult.decode(buf, maxEntries));
    }

    @Test
    void encodesTheCapturedRequest() {
        byte[] out = WireBytes.drain(new NodeStatusRequest(0x6b01).encode(UnpooledByteBufAllocator.DEFAULT));
        assertThat(out).isEqualTo(GoldenVectors.query(GOLDEN));
        assertThat(WireBytes.decode(out, NodeStatusRequest::decode)).isEqualTo(new NodeStatusRequest(0x6b01));
    }

    @Test
    void decodesSambasNameTableAndMac() {
        NodeStatusResult r = decode(GoldenVectors.hex(GOLDEN), 100);
        assertThat(r.transactionId()).isEqualTo(0x6b01);
        assertThat(r.macAddress()).isEqualTo("f0b73256687f");
        assertThat(r.names()).extracting(n -> n.name() + n.suffixText()).containsExactly(
                "DC1<00>", "DC1<03>", "DC1<20>", "CORP<1b>", "CORP<1c>", "CORP<00>", "__SAMBA__<00>", "__SAMBA__<20>");
        NetBiosName dc = r.names().get(0);
        assertThat(dc.flags().group()).isFalse();
        assertThat(dc.flags().active()).isTrue();
        assertThat(dc.flags().ownerNodeType()).isEqualTo('M');
        NetBiosName dcs = r.names().get(4);
        assertThat(dcs.flags().group()).isTrue();
        assertThat(r.names().get(6).flags().permanent()).isTrue();
        assertThat(r.contains("dc1")).isTrue();
        assertThat(r.reportLines()).startsWith("Server's response: MAC address f0b73256687f", "NetBIOS name table (8 names):")
                .contains("  DC1             <00>  UNIQUE M-node ACTIVE",
                        "  CORP            <1c>  GROUP M-node ACTIVE",
                        "  __SAMBA__       <00>  GROUP M-node ACTIVE PERMANENT");
    }

    @Test
    void rendersEveryFlag() {
        assertThat(new NameFlags(0xfe00)).hasToString("GROUP H-node ACTIVE PERMANENT CONFLICT DEREGISTER");
        assertThat(new NameFlags(0x0000)).hasToString("UNIQUE B-node");
        assertThat(new NameFlags(0x12345).value()).isEqualTo(0x2345);
    }

    @Test
    void everyTruncationIsADecodeError() {
        byte[] full = GoldenVectors.hex(GOLDEN);
        int minimal = 12 + 34 + 10 + 1 + 8 * 18 + 6;   // header, RR_NAME, RR fields, count, names, unit ID
        WireBytes.assertEveryTruncationFails(full, minimal, buf -> NodeStatusResult.decode(buf, 100));
    }

    @Test
    void aNameCountBeyondTheRdataIsRejected() {
        byte[] b = GoldenVectors.hex(GOLDEN);
        b[56] = (byte) 0xff;                           // NUM_NAMES: 255 names cannot fit in 191 bytes
        assertThatThrownBy(() -> decode(b, 1000)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("cannot hold 255 names");
        assertThatThrownBy(() -> decode(GoldenVectors.hex(GOLDEN), 3)).hasMessageContaining("8 names exceed the cap of 3");
    }

    @Test
    void anRdLengthPastTheEndIsRejected() {
        byte[] b = GoldenVectors.hex(GOLDEN);
        b[54] = (byte) 0xff;                           // RDLENGTH 0xffbf
        assertThatThrownBy(() -> decode(b, 100)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("RDLENGTH 65471");
    }

    @Test
    void otherMessagesAreRejected() {
        assertThatThrownBy(() -> decode(GoldenVectors.query(GOLDEN), 100)).hasMessageContaining("not a response");
        byte[] b = GoldenVectors.hex(GOLDEN);
        b[3] = 0x03;                                   // RCODE 3
        assertThatThrownBy(() -> decode(b, 100)).hasMessageContaining("RCODE 3");
        byte[] nb = GoldenVectors.hex(GOLDEN);
        nb[47] = 0x20;                                 // RR_TYPE NB instead of NBSTAT
        assertThatThrownBy(() -> decode(nb, 100)).hasMessageContaining("is not NBSTAT");
    }

    @Test
    void randomCorruptionOnlyEverRaisesDecodeErrors() {
        WireBytes.assertCorruptionOnlyRaisesDecodeErrors(GoldenVectors.hex(GOLDEN), 137, 3,
                buf -> NodeStatusResult.decode(buf, 100));
    }
}
