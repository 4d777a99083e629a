package dev.portqry.protocols.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * The header flags of a DNS response that say how it was answered (RFC 1035 4.1.1).
 *
 * @param authoritative AA: the server is an authority for the name
 * @param truncated TC: the answer did not fit (UDP); retry over TCP for the rest
 * @param recursionDesired RD: echoed from the query (this responder clears it)
 * @param recursionAvailable RA: the server would recurse for clients it trusts
 */
public record DnsFlags(boolean authoritative, boolean truncated, boolean recursionDesired, boolean recursionAvailable) {

    /** @return the set flags in dig's notation, e.g. {@code aa ra}, or {@code none} */
    @Override
    public String toString() {
        List<String> set = new ArrayList<>(4);
        if (authoritative) {
            set.add("aa");
        }
        if (truncated) {
            set.add("tc");
        }
        if (recursionDesired) {
            set.add("rd");
        }
        if (recursionAvailable) {
            set.add("ra");
        }
        return set.isEmpty() ? "none" : String.join(" ", set);
    }
}
