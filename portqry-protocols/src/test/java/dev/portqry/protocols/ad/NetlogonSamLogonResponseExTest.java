package dev.portqry.protocols.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.core.ProtocolDecodeException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NetlogonSamLogonResponseExTest {
    /** The Netlogon attribute Samba 4.17 (the testbed's DC1) returned to an LDAP ping with NtVer 6. */
    static final byte[] SAMBA = HexFormat.of().parseHex("17000000fd1300000339165e503b2941ae41e4cc01a774ad04636f7270076578616d706c6504"
            + "7465737400c01803646331c01804434f5250000344433100001744656661756c742d46697273742d536974652d4e616d6500c03f"
            + "05000000ffffffff");

    @Test
    void decodesSambasAnswerWithItsCompressedNames() {
        NetlogonSamLogonResponseEx r = NetlogonSamLogonResponseEx.decode(SAMBA);
        assertThat(r.opcodeName()).isEqualTo("LOGON_SAM_LOGON_RESPONSE_EX");
        assertThat(r.dnsForestName()).isEqualTo("corp.example.test");
        assertThat(r.dnsDomainName()).isEqualTo("corp.example.test");
        assertThat(r.dnsHostName()).isEqualTo("dc1.corp.example.test");
        assertThat(r.netbiosDomainName()).isEqualTo("CORP");
        assertThat(r.netbiosComputerName()).isEqualTo("DC1");
        assertThat(r.userName()).isEmpty();
        assertThat(r.dcSiteName()).isEqualTo("Default-First-Site-Name");
        assertThat(r.clientSiteName()).isEqualTo("Default-First-Site-Name");
        assertThat(r.nextClosestSiteName()).isEmpty();
        assertThat(r.ntVersion()).isEqualTo(5);
        assertThat(r.domainGuid()).isEqualTo(UUID.fromString("5e163903-3b50-4129-ae41-e4cc01a774ad"));
        assertThat(r.dsFlags()).containsExactly(DsFlag.PDC, DsFlag.GC, DsFlag.LDAP, DsFlag.DS, DsFlag.KDC, DsFlag.TIMESERV,
                DsFlag.CLOSEST, DsFlag.WRITABLE, DsFlag.GOOD_TIMESERV, DsFlag.FULL_SECRET_DOMAIN_6);
        assertThat(r.usable()).isTrue();
    }

    @Test
    void hostileInputIsATypedDecodeError() {
        // Every truncation of the real answer.
        for (int n = 0; n < SAMBA.length - 8; n++) {
            byte[] cut = Arrays.copyOf(SAMBA, n);
            assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(cut)).isInstanceOf(ProtocolDecodeException.class);
        }
        // A pointer to itself.
        byte[] loop = SAMBA.clone();
        loop[24] = (byte) 0xC0;
        loop[25] = 24;
        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(loop)).isInstanceOf(ProtocolDecodeException.class)
                .hasMessageContaining("pointers");
        // Another structure.
        byte[] other = SAMBA.clone();
        other[0] = 19;
        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(other)).hasMessageContaining("opcode 19");
    }

    @Test
    void randomMutationsDecodeOrFailTyped() {
        java.util.Random rnd = new java.util.Random(21);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = SAMBA.clone();
            for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
                m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            try {
                NetlogonSamLogonResponseEx r = NetlogonSamLogonResponseEx.decode(m);
                assertThat(r.dnsHostName().length()).isLessThanOrEqualTo(WireNames.MAX_NAME_CHARS);
            } catch (ProtocolDecodeException e) {
                // typed: fine
            }
        }
    }

    @Test
    void theRequestIsTheLdapPingOfMsAdts() {
        byte[] req = NetlogonPingConversation.request(7, "corp.example.test");
        // (&(DnsDomain=corp.example.test)(NtVer=\06\00\00\00)), attribute Netlogon, base "" scope base.
        assertThat(HexFormat.of().formatHex(req)).isEqualTo("3053020107634e04000a01000a0100020100020100010100a02fa31e0409446e73"
                + "446f6d61696e0411636f72702e6578616d706c652e74657374a30d04054e74566572040406000000300a04084e65746c6f676f6e");
    }
}
