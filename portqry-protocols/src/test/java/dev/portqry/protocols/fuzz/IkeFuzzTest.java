package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.ProbeOptions;
import dev.portqry.protocols.ike.internal.IkeMessage;
import dev.portqry.protocols.ike.IkeResponder;
import org.junit.jupiter.api.Test;

/** IKEv2 IKE_SA_INIT (RFC 7296) under the fuzzer: the decoder, and the conversation over UDP with and without the NAT-T marker. */
class IkeFuzzTest {
    @Test
    void messages() {
        FuzzReport r = DecoderFuzz.of("IKE message", Seeds.golden("ike", n -> !n.startsWith("natt"))).messages(IkeMessage::decode);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdp() {
        FuzzReport r = DecoderFuzz.of("IKE over UDP", Seeds.golden("ike", n -> !n.startsWith("natt") && !n.contains("request")))
                .echo((query, seed) -> withInitiatorSpi(query, seed, 0)).udp(new IkeResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    @Test
    void overUdpWithNonEspMarker() {
        FuzzReport r = DecoderFuzz.of("IKE over UDP 4500", Seeds.golden("ike", n -> n.startsWith("natt")))
                .options(ProbeOptions.builder().set(IkeResponder.NON_ESP_MARKER, true).build())
                .echo((query, seed) -> withInitiatorSpi(query, seed, 4)).udp(new IkeResponder()::open);
        assertThat(r.typed()).isPositive();
    }

    /** The seed answering our SA: the responder copies the initiator's SPI (RFC 7296 3.1), after the marker if any. */
    static byte[] withInitiatorSpi(byte[] query, byte[] seed, int marker) {
        byte[] s = seed.clone();
        System.arraycopy(query, marker, s, marker, Math.min(8, Math.min(query.length, s.length) - marker));
        return s;
    }
}
