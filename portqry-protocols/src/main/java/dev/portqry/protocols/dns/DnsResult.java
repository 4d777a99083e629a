package dev.portqry.protocols.dns;

import dev.portqry.core.SafeText;
import dev.portqry.core.spi.ResponderResult;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A DNS server's response to the probe's query, copied out of Netty's reference-counted
 * {@code DnsResponse}. Any response, positive (NOERROR) or negative (NXDOMAIN, REFUSED,
 * FORMERR...), proves a DNS server is listening. Immutable.
 *
 * @param id the message ID, equal to the query's
 * @param rcode the response code (Netty's open value type: unknown codes never throw)
 * @param flags AA, TC, RD, RA
 * @param question the echoed question; empty when the server sent none (some do with FORMERR)
 * @param answers the answer section, in order
 * @param authorities the authority section, in order
 * @param additionalCount how many additional records the header announced (not decoded)
 */
public record DnsResult(int id, DnsResponseCode rcode, DnsFlags flags, Optional<Question> question,
                        List<DnsResourceRecord> answers, List<DnsResourceRecord> authorities, int additionalCount)
        implements ResponderResult {

    /** Copies the lists and checks that nothing is null. */
    public DnsResult {
        Objects.requireNonNull(rcode, "rcode");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(question, "question");
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
    }

    /**
     * The question section's entry (RFC 1035 4.1.2).
     *
     * @param name the name asked for, fully qualified with the trailing dot; not null
     * @param type the type asked for; not null
     * @param dnsClass the class, 1 for IN
     */
    public record Question(String name, DnsRecordType type, int dnsClass) {
        /** Checks that nothing is null. */
        public Question {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** @return e.g. {@code dc1.corp.example.test. IN A} */
        @Override
        public String toString() {
            return name + " " + DnsResourceRecord.classText(dnsClass) + " " + type.name();
        }

        /** @return whether {@code other} asks the same thing; names compare case-insensitively (RFC 4343) */
        boolean sameAs(Question other) {
            return type.equals(other.type) && dnsClass == other.dnsClass
                    && name.toLowerCase(Locale.ROOT).equals(other.name.toLowerCase(Locale.ROOT));
        }
    }

    /** @return whether the server answered NOERROR */
    public boolean isSuccess() {
        return rcode.equals(DnsResponseCode.NOERROR);
    }

    @Override
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        lines.add("DNS query response:");
        lines.add("Question: " + question.map(Question::toString).orElse("(none echoed)"));
        lines.add("Response code: " + rcode);
        lines.add("Flags: " + flags);
        section(lines, "Answer records", answers);
        section(lines, "Authority records", authorities);
        lines.add("======== End of DNS query response ========");
        return lines.stream().map(SafeText::escape).toList();
    }

    private static void section(List<String> lines, String title, List<DnsResourceRecord> records) {
        lines.add(title + ": " + records.size());
        for (DnsResourceRecord r : records) {
            lines.add("  " + r);
        }
    }

    @Override
    public String summary() {
        String first = answers.isEmpty() ? "" : " " + answers.get(0).type().name() + " " + answers.get(0).data();
        return SafeText.escape("rcode=" + rcode + first);
    }
}
