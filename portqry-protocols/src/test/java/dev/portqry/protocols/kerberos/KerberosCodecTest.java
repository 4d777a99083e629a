package dev.portqry.protocols.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerWriter;
import dev.portqry.protocols.kerberos.internal.AsReq;
import dev.portqry.protocols.kerberos.internal.KerberosDer;
import dev.portqry.testkit.GoldenVectors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** KRB-ERROR and AS-REP decoding against replies captured from Samba's KDC, and malformed variants. */
class KerberosCodecTest {
    private static final PrincipalName PROBE_CLIENT = PrincipalName.user("portqry-probe-0123456789ab");

    @Test
    void udpPrincipalUnknown() {
        KrbError e = (KrbError) KerberosReply.decode(GoldenVectors.hex("kerberos/udp-krb-error-c-principal-unknown.hex"));
        assertThat(e.errorCode()).isEqualTo(KerberosErrorCode.KDC_ERR_C_PRINCIPAL_UNKNOWN);
        assertThat(e.realm()).isEqualTo("CORP.EXAMPLE.TEST");
        assertThat(e.server()).isEqualTo(PrincipalName.krbtgt("CORP.EXAMPLE.TEST"));
        assertThat(e.client()).contains(PROBE_CLIENT);
        assertThat(e.clientRealm()).contains("CORP.EXAMPLE.TEST");
        assertThat(e.serverTime()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(e.serverTime().getNano() % 1000).isZero();
        assertThat(e.text()).isEmpty();
    }

    @Test
    void tcpPrincipalUnknown() {
        KrbError e = (KrbError) KerberosReply.decode(GoldenVectors.withoutLengthPrefix("kerberos/tcp-krb-error-c-principal-unknown.hex"));
        assertThat(e.errorCode().code()).isEqualTo(6);
        assertThat(e.realm()).isEqualTo("CORP.EXAMPLE.TEST");
    }

    @Test
    void preauthRequiredCarriesTextAndMethodData() {
        KrbError e = (KrbError) KerberosReply.decode(GoldenVectors.hex("kerberos/udp-krb-error-preauth-required.hex"));
        assertThat(e.errorCode()).isEqualTo(KerberosErrorCode.KDC_ERR_PREAUTH_REQUIRED);
        assertThat(e.client()).contains(PrincipalName.user("Administrator"));
        assertThat(e.text()).isPresent();
        assertThat(e.errorData()).hasSize(134).startsWith(0x30, 0x81, 0x83);
    }

    @Test
    void foreignRealmIsEchoed() {
        KrbError e = (KrbError) KerberosReply.decode(GoldenVectors.withoutLengthPrefix("kerberos/tcp-krb-error-foreign-realm.hex"));
        assertThat(e.realm()).isEqualTo("PORTQRY.INVALID");
        assertThat(e.server()).isEqualTo(PrincipalName.krbtgt("PORTQRY.INVALID"));
    }

    @Test
    void encodedErrorDecodesToItself() {
        KrbError e = new KrbError(KerberosErrorCode.KDC_ERR_WRONG_REALM, "A.TEST", PrincipalName.krbtgt("A.TEST"),
                Instant.parse("2026-01-02T03:04:05.123456Z"), Optional.empty(), Optional.of(PROBE_CLIENT),
                Optional.of("wrong realm"), new byte[] {1, 2});
        KrbError back = (KrbError) KerberosReply.decode(e.encode());
        assertThat(back.errorCode()).isEqualTo(e.errorCode());
        assertThat(back.serverTime()).isEqualTo(e.serverTime());
        assertThat(back.client()).isEqualTo(e.client());
        assertThat(back.text()).isEqualTo(e.text());
        assertThat(back.errorData()).containsExactly(1, 2);
    }

    @Test
    void encodedAsRepDecodesToItself() {
        AsRep r = new AsRep("A.TEST", PROBE_CLIENT, "A.TEST", PrincipalName.krbtgt("A.TEST"), 18);
        assertThat(KerberosReply.decode(r.encode())).isEqualTo(r);
    }

    @Test
    void unknownErrorCodeKeepsItsNumber() {
        assertThat(KerberosErrorCode.valueOf(4711).name()).isEqualTo("UNKNOWN(4711)");
        assertThat(KerberosErrorCode.valueOf(68)).isSameAs(KerberosErrorCode.KDC_ERR_WRONG_REALM);
    }

    @Test
    void everyTruncationIsADecodeError() {
        byte[] good = GoldenVectors.hex("kerberos/udp-krb-error-preauth-required.hex");
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThatThrownBy(() -> KerberosReply.decode(cut)).as("cut at %d", n).isInstanceOf(ProtocolDecodeException.class);
        }
    }

    @Test
    void malformedVariantsAreDecodeErrors() {
        byte[] good = GoldenVectors.hex("kerberos/udp-krb-error-c-principal-unknown.hex");
        for (byte[] bad : List.of(
                patch(good, 2, 0xff),                       // outer length claims more than there is
                patch(patch(good, 1, 0x84), 2, 0x7f),       // four-octet length of 2 GB
                patch(good, 1, 0x80),                       // indefinite length: not DER
                patch(good, 1, 0x85),                       // five length octets
                patch(good, 0, 0x6c),                       // TGS-REP tag: not an AS reply
                patch(good, 10, 0x04),                      // pvno 4
                append(good, 0x00),                         // trailing garbage
                new byte[0],
                nested(40))) {
            assertThatThrownBy(() -> KerberosReply.decode(bad)).isInstanceOf(ProtocolDecodeException.class)
                    .hasMessageStartingWith("Kerberos: ");
        }
    }

    @Test
    void derCapsAndTypesAreEnforced() {
        BerReader r = KerberosDer.reader(nested(KerberosDer.LIMITS.maxDepth() + 2));
        r = r.readConstructed(KrbError.TAG);
        for (int i = 1; i < KerberosDer.LIMITS.maxDepth(); i++) {
            r = r.readSequence();
        }
        BerReader deepest = r;
        assertThatThrownBy(deepest::readSequence).isInstanceOf(ProtocolDecodeException.class).hasMessageContaining("nesting deeper");
        byte[] sixOctets = {0x02, 0x06, 1, 2, 3, 4, 5, 6};
        assertThatThrownBy(() -> KerberosDer.reader(sixOctets).readInt()).isInstanceOf(ProtocolDecodeException.class);
        byte[] uint32 = new BerWriter().writeInteger(0xffffffffL).toByteArray();
        assertThatThrownBy(() -> KerberosDer.reader(uint32).readInt()).isInstanceOf(ProtocolDecodeException.class);
        byte[] badTime = new BerWriter().writeOctetString(KerberosDer.GENERALIZED_TIME,
                "2026-01-01".getBytes(StandardCharsets.US_ASCII)).toByteArray();
        assertThatThrownBy(() -> KerberosDer.readTime(KerberosDer.reader(badTime))).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageStartingWith("Kerberos: ");
    }

    @Test
    void asReqMatchesTheVectorSambaAnswered() {
        AsReq req = new AsReq(PROBE_CLIENT, "CORP.EXAMPLE.TEST", PrincipalName.krbtgt("CORP.EXAMPLE.TEST"),
                123456789L, AsReq.FAR_FUTURE, AsReq.DEFAULT_ETYPES);
        assertThat(req.encode()).isEqualTo(GoldenVectors.hex("kerberos/as-req.hex"));
        assertThat(AsReq.decode(req.encode())).isEqualTo(req);
    }

    private static byte[] patch(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    private static byte[] append(byte[] b, int value) {
        byte[] c = Arrays.copyOf(b, b.length + 1);
        c[b.length] = (byte) value;
        return c;
    }

    /** [APPLICATION 30] around {@code depth} nested SEQUENCEs: deeper than the reader allows. */
    private static byte[] nested(int depth) {
        BerWriter w = new BerWriter().start(KrbError.TAG);
        for (int i = 0; i < depth; i++) {
            w.startSequence();
        }
        for (int i = 0; i < depth; i++) {
            w.end();
        }
        return w.end().toByteArray();
    }

    /** Found by the fuzzer: a KRB-ERROR whose stime is in the year 4026 made the clock skew overflow (ArithmeticException). */
    @Test
    void serverTimeCenturiesAwayIsRendered() {
        byte[] der = java.util.HexFormat.of().parseHex("7e81a73081a4a003020105a10302011ea411180f34303236313132343231343132365aa50502030e600aa603020106"
                + "a7131b11014f52502e4558414d504c452e54455354a8273025a003020101a11e301c1b1a706f72747172792d70726f62652d303132333435363738396162"
                + "a9131b11434f52502e4558414d504c452e54455354aa263024a003020102a11d301b1b066b72627467741b11434f52502e4558414d504c452e54455354");
        KerberosResult r = new KerberosResult("CORP.EXAMPLE.TEST", "test", PROBE_CLIENT, KerberosReply.decode(der),
                Instant.parse("2026-11-24T21:41:26Z"));
        assertThat(r.reportLines()).contains("Clock skew: +63113904000.942 s");
        assertThat(r.summary()).endsWith("skew=+63113904000.942 s");
    }
}
