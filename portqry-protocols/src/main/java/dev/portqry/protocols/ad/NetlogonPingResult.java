package dev.portqry.protocols.ad;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to an LDAP ping over CLDAP.
 *
 * @param domain the DnsDomain the ping asked about, empty when it named none
 * @param response the decoded Netlogon attribute
 */
public record NetlogonPingResult(String domain, NetlogonSamLogonResponseEx response) implements ResponderResult {
    /** Checks the fields. */
    public NetlogonPingResult {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(response, "response");
    }

    @Override
    public List<String> reportLines() {
        NetlogonSamLogonResponseEx r = response;
        List<String> out = new ArrayList<>();
        out.add("CLDAP netlogon ping response:");
        out.add("Opcode: " + r.opcodeName());
        out.add("Flags: 0x" + Integer.toHexString(r.flags()) + " " + r.flagNames());
        out.add("Domain GUID: " + r.domainGuid());
        out.add("DNS forest: " + r.dnsForestName());
        out.add("DNS domain: " + r.dnsDomainName());
        out.add("DNS host name: " + r.dnsHostName());
        out.add("NetBIOS domain: " + r.netbiosDomainName());
        out.add("NetBIOS computer: " + r.netbiosComputerName());
        out.add("DC site: " + r.dcSiteName());
        out.add("Client site: " + r.clientSiteName());
        r.nextClosestSiteName().ifPresent(s -> out.add("Next closest site: " + s));
        out.add("==== End of CLDAP netlogon ping response ====");
        // Names came off the wire: escaped where they leave as text, raw in the record.
        return out.stream().map(SafeText::escape).toList();
    }

    @Override
    public String summary() {
        return SafeText.escape("site=" + response.dcSiteName() + " flags=" + response.flagNames());
    }
}
