package dev.portqry.protocols.ad;

import dev.portqry.core.ProtocolDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A domain controller's answer to an LDAP ping: NETLOGON_SAM_LOGON_RESPONSE_EX (MS-ADTS 6.3.1.9),
 * the value of the {@code Netlogon} attribute. Names are raw wire text: escape them to print.
 *
 * @param opcode 23 (LOGON_SAM_LOGON_RESPONSE_EX) or 25 (LOGON_SAM_USER_UNKNOWN_EX)
 * @param flags the DS_FLAG bits
 * @param domainGuid the domain's GUID
 * @param dnsForestName the forest, e.g. {@code corp.example.test}
 * @param dnsDomainName the domain
 * @param dnsHostName the DC's DNS name
 * @param netbiosDomainName the domain's NetBIOS name
 * @param netbiosComputerName the DC's NetBIOS name
 * @param userName the user name of the request, usually empty
 * @param dcSiteName the DC's site
 * @param clientSiteName the site the DC places the client in, empty when it knows none
 * @param nextClosestSiteName present when the request asked for it (NETLOGON_NT_VERSION_WITH_CLOSEST_SITE)
 * @param ntVersion the NtVersion field
 */
public record NetlogonSamLogonResponseEx(int opcode, int flags, UUID domainGuid, String dnsForestName, String dnsDomainName,
                                         String dnsHostName, String netbiosDomainName, String netbiosComputerName,
                                         String userName, String dcSiteName, String clientSiteName,
                                         Optional<String> nextClosestSiteName, int ntVersion) {
    /** LOGON_SAM_LOGON_RESPONSE_EX. */
    public static final int OPCODE_RESPONSE_EX = 23;
    /** LOGON_SAM_PAUSE_RESPONSE_EX: the DC's netlogon service is paused. */
    public static final int OPCODE_PAUSE_RESPONSE_EX = 24;
    /** LOGON_SAM_USER_UNKNOWN_EX: the user of the request is unknown (the DC still answered). */
    public static final int OPCODE_USER_UNKNOWN_EX = 25;
    /** NETLOGON_NT_VERSION_5EX_WITH_IP: a DcSockAddr follows ClientSiteName. */
    static final int NT_VERSION_5EX_WITH_IP = 0x8;
    /** NETLOGON_NT_VERSION_WITH_CLOSEST_SITE: NextClosestSiteName follows. */
    static final int NT_VERSION_WITH_CLOSEST_SITE = 0x10;
    private static final String PROTOCOL = "netlogon";
    private static final int FIXED = 24;

    /** Checks the fields. */
    public NetlogonSamLogonResponseEx {
        Objects.requireNonNull(domainGuid, "domainGuid");
        Objects.requireNonNull(dnsForestName, "dnsForestName");
        Objects.requireNonNull(dnsDomainName, "dnsDomainName");
        Objects.requireNonNull(dnsHostName, "dnsHostName");
        Objects.requireNonNull(netbiosDomainName, "netbiosDomainName");
        Objects.requireNonNull(netbiosComputerName, "netbiosComputerName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(dcSiteName, "dcSiteName");
        Objects.requireNonNull(clientSiteName, "clientSiteName");
        Objects.requireNonNull(nextClosestSiteName, "nextClosestSiteName");
    }

    /** @return the named DS_FLAG bits set */
    public List<DsFlag> dsFlags() {
        return DsFlag.of(flags);
    }

    /** @return whether the DC is writable, a KDC, LDAP server and domain controller: what a client needs */
    public boolean usable() {
        int need = DsFlag.DS.bit() | DsFlag.KDC.bit() | DsFlag.LDAP.bit();
        return (flags & need) == need;
    }

    /**
     * Decodes the structure.
     *
     * @param data the Netlogon attribute's value, not null
     * @return the response
     * @throws ProtocolDecodeException when it is another structure, truncated or malformed
     */
    public static NetlogonSamLogonResponseEx decode(byte[] data) {
        Objects.requireNonNull(data, "data");
        ByteBuf b = Unpooled.wrappedBuffer(data);
        int n = data.length;
        ProtocolDecodeException.check(n >= FIXED + 8 + 8, PROTOCOL, "NETLOGON_SAM_LOGON_RESPONSE_EX too short: %d bytes", n);
        int opcode = b.getUnsignedShortLE(0);
        ProtocolDecodeException.check(opcode == OPCODE_RESPONSE_EX || opcode == OPCODE_PAUSE_RESPONSE_EX
                || opcode == OPCODE_USER_UNKNOWN_EX, PROTOCOL, "opcode %d is not a NETLOGON_SAM_LOGON_RESPONSE_EX (23-25)", opcode);
        int flags = b.getIntLE(4);
        UUID guid = guid(b, 8);
        String[] names = new String[8];
        int pos = FIXED;
        for (int i = 0; i < names.length; i++) {
            WireNames.Read r = WireNames.read(b, 0, pos, n, PROTOCOL);
            names[i] = r.name();
            pos = r.end();
        }
        // NtVersion is the 4 bytes before the two 2-byte tokens at the end; it says which optional fields lie between.
        ProtocolDecodeException.check(n - pos >= 8, PROTOCOL, "no NtVersion after the names (%d bytes left)", n - pos);
        int ntVersion = b.getIntLE(n - 8);
        if ((ntVersion & NT_VERSION_5EX_WITH_IP) != 0) {
            ProtocolDecodeException.check(pos < n, PROTOCOL, "DcSockAddrSize missing");
            pos += 1 + b.getUnsignedByte(pos);
        }
        Optional<String> next = Optional.empty();
        if ((ntVersion & NT_VERSION_WITH_CLOSEST_SITE) != 0) {
            WireNames.Read r = WireNames.read(b, 0, pos, n - 8, PROTOCOL);
            next = Optional.of(r.name());
            pos = r.end();
        }
        ProtocolDecodeException.check(pos <= n - 8, PROTOCOL, "optional fields run into NtVersion");
        return new NetlogonSamLogonResponseEx(opcode, flags, guid, names[0], names[1], names[2], names[3], names[4], names[5],
                names[6], names[7], next, ntVersion);
    }

    private static UUID guid(ByteBuf b, int at) {
        // A Windows GUID: Data1-3 little endian, Data4 as bytes.
        long d1 = b.getUnsignedIntLE(at);
        long d2 = b.getUnsignedShortLE(at + 4);
        long d3 = b.getUnsignedShortLE(at + 6);
        long hi = (d1 << 32) | (d2 << 16) | d3;
        return new UUID(hi, b.getLong(at + 8));
    }

    /** @return e.g. {@code LOGON_SAM_LOGON_RESPONSE_EX} */
    public String opcodeName() {
        return switch (opcode) {
            case OPCODE_RESPONSE_EX -> "LOGON_SAM_LOGON_RESPONSE_EX";
            case OPCODE_PAUSE_RESPONSE_EX -> "LOGON_SAM_PAUSE_RESPONSE_EX";
            case OPCODE_USER_UNKNOWN_EX -> "LOGON_SAM_USER_UNKNOWN_EX";
            default -> "opcode " + opcode;
        };
    }

    /** @return the flags as names joined with {@code |}, e.g. {@code PDC|GC|LDAP|DS|KDC} */
    public String flagNames() {
        return String.join("|", dsFlags().stream().map(Enum::name).toList());
    }
}
