package dev.portqry.protocols.tls;

import dev.portqry.core.ProtocolDecodeException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the LDAP server said inside TLS to the rootDSE search: the SearchResultDone's result
 * code (RFC 4511 section 4.1.9) and, from the SearchResultEntry, {@code dnsHostName} and
 * {@code defaultNamingContext} when present. Proof that LDAP (not just TLS) answers on the port.
 *
 * @param resultCode the LDAP result code, 0 for success
 * @param diagnosticMessage the server's diagnostic text, empty when none
 * @param dnsHostName the rootDSE's dnsHostName (MS-ADTS 3.1.1.3.2.14) when returned
 * @param defaultNamingContext the rootDSE's defaultNamingContext when returned
 */
public record LdapRootDseAnswer(int resultCode, String diagnosticMessage, Optional<String> dnsHostName,
                                Optional<String> defaultNamingContext) {
    private static final int SEARCH_RESULT_ENTRY = 0x64;
    private static final int SEARCH_RESULT_DONE = 0x65;
    private static final int SEARCH_RESULT_REFERENCE = 0x73;
    private static final int EXTENDED_RESPONSE = 0x78;
    private static final int OCTET_STRING = 0x04;
    private static final int ENUMERATED = 0x0a;
    private static final int INTEGER = 0x02;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    /** Entries and values beyond which a rootDSE answer is not believable. */
    private static final int MAX_ITEMS = 1000;

    private static final Map<Integer, String> NAMES = Map.of(
            0, "success", 1, "operationsError", 2, "protocolError", 8, "strongerAuthRequired",
            13, "confidentialityRequired", 49, "invalidCredentials", 50, "insufficientAccessRights",
            51, "busy", 52, "unavailable", 53, "unwillingToPerform");

    /** Checks for nulls. */
    public LdapRootDseAnswer {
        Objects.requireNonNull(diagnosticMessage, "diagnosticMessage");
        Objects.requireNonNull(dnsHostName, "dnsHostName");
        Objects.requireNonNull(defaultNamingContext, "defaultNamingContext");
    }

    /** @return the result code's RFC 4511 name, e.g. {@code success}, or {@code resultCode N} */
    public String resultName() {
        return NAMES.getOrDefault(resultCode, "resultCode " + resultCode);
    }

    /**
     * Reads the answer from the decrypted stream once it is complete.
     *
     * @param plain the plaintext received so far, not null
     * @param length how many bytes of {@code plain} are valid
     * @param cap the largest LDAPMessage accepted
     * @return the answer, or empty while the SearchResultDone has not fully arrived
     * @throws ProtocolDecodeException on malformed BER or an answer to another message
     */
    static Optional<LdapRootDseAnswer> decode(byte[] plain, int length, int cap) {
        try {
            Optional<String> host = Optional.empty();
            Optional<String> context = Optional.empty();
            int pos = 0;
            for (int messages = 0; pos < length; messages++) {
                ProtocolDecodeException.check(messages < MAX_ITEMS, BerCursor.PROTOCOL, "more than %d messages", MAX_ITEMS);
                long size = BerCursor.elementSize(plain, pos, length - pos, cap);
                if (size < 0 || size > length - pos) {
                    return Optional.empty();
                }
                BerCursor message = new BerCursor(plain, pos, (int) (pos + size)).enter(SEQUENCE);
                pos += (int) size;
                int id = message.readInt(INTEGER);
                int op = message.peekTag();
                // RFC 4511 4.4.1: a Notice of Disconnection arrives with messageID 0.
                ProtocolDecodeException.check(id == LdapRootDseRequest.MESSAGE_ID || (id == 0 && op == EXTENDED_RESPONSE),
                        BerCursor.PROTOCOL, "answer to messageID %d, expected %d", id, LdapRootDseRequest.MESSAGE_ID);
                if (op == SEARCH_RESULT_ENTRY) {
                    BerCursor entry = message.enter(SEARCH_RESULT_ENTRY);
                    entry.readString(OCTET_STRING);
                    BerCursor attributes = entry.enter(SEQUENCE);
                    for (int n = 0; attributes.hasMore(); n++) {
                        ProtocolDecodeException.check(n < MAX_ITEMS, BerCursor.PROTOCOL, "more than %d attributes", MAX_ITEMS);
                        BerCursor attribute = attributes.enter(SEQUENCE);
                        String type = attribute.readString(OCTET_STRING).toLowerCase(Locale.ROOT);
                        BerCursor values = attribute.enter(SET);
                        Optional<String> first = values.hasMore() ? Optional.of(values.readString(OCTET_STRING)) : Optional.empty();
                        if (type.equals("dnshostname")) {
                            host = first;
                        } else if (type.equals("defaultnamingcontext")) {
                            context = first;
                        }
                    }
                } else if (op == SEARCH_RESULT_DONE || op == EXTENDED_RESPONSE) {
                    BerCursor result = message.enter(op);
                    int code = result.readInt(ENUMERATED);
                    result.readString(OCTET_STRING);
                    String diagnostic = result.readString(OCTET_STRING);
                    return Optional.of(new LdapRootDseAnswer(code, diagnostic, host, context));
                } else {
                    ProtocolDecodeException.check(op == SEARCH_RESULT_REFERENCE, BerCursor.PROTOCOL,
                            "unexpected protocolOp 0x%02x", op);
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw ProtocolDecodeException.wrap(BerCursor.PROTOCOL, e);
        }
    }

    @Override
    public String toString() {
        return "LDAP " + resultName() + " (" + resultCode + ")" + dnsHostName.map(h -> " dnsHostName " + h).orElse("")
                + defaultNamingContext.map(c -> " defaultNamingContext " + c).orElse("");
    }
}
