package dev.portqry.protocols.ldap.internal;

import dev.portqry.core.ProtocolDecodeException;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import dev.portqry.protocols.ber.BerWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SearchRequest, {@code [APPLICATION 3]} (RFC 4511 section 4.5.1), limited to what a probe
 * sends: the filter is always a present filter, {@code (attr=*)}. Immutable.
 *
 * @param baseObject the DN to search from; {@code ""} is the rootDSE (RFC 4512 section 5.1)
 * @param scope 0 baseObject, 1 singleLevel, 2 wholeSubtree
 * @param derefAliases 0 neverDerefAliases to 3 derefAlways
 * @param sizeLimit most entries to return, 0 for no limit
 * @param timeLimit seconds the server may spend, 0 for no limit
 * @param typesOnly whether to return attribute names without values
 * @param presentAttribute the attribute of the present filter, e.g. {@code objectClass}
 * @param attributes the attributes to return; empty means all user attributes (section 4.5.1.8)
 */
public record SearchRequest(String baseObject, int scope, int derefAliases, int sizeLimit, int timeLimit,
                            boolean typesOnly, String presentAttribute, List<String> attributes) implements LdapProtocolOp {
    /** {@code [APPLICATION 3]}. */
    public static final BerTag TAG = BerTag.application(3, true);
    /** The baseObject scope. */
    public static final int SCOPE_BASE_OBJECT = 0;
    /** The neverDerefAliases choice. */
    public static final int NEVER_DEREF_ALIASES = 0;
    /** The present filter choice, {@code present [7] AttributeDescription} (section 4.5.1.7). */
    static final BerTag PRESENT_FILTER = BerTag.context(7, false);

    /** Validates and copies. */
    public SearchRequest {
        Objects.requireNonNull(baseObject, "baseObject");
        Objects.requireNonNull(presentAttribute, "presentAttribute");
        attributes = List.copyOf(attributes);
        if (scope < 0 || scope > 2) {
            throw new IllegalArgumentException("scope must be 0-2, was " + scope);
        }
        if (derefAliases < 0 || derefAliases > 3) {
            throw new IllegalArgumentException("derefAliases must be 0-3, was " + derefAliases);
        }
        if (sizeLimit < 0 || timeLimit < 0) {
            throw new IllegalArgumentException("sizeLimit and timeLimit must be >= 0, were " + sizeLimit + " and " + timeLimit);
        }
    }

    /**
     * The rootDSE read PortQry sends: base {@code ""}, scope baseObject, filter
     * {@code (objectClass=*)}, attributes {@code *} and {@code +}. Asking for {@code +} (all
     * operational attributes, RFC 3673) makes servers such as OpenLDAP return namingContexts and
     * the other rootDSE attributes, which are operational (RFC 4512 section 5.1); Active
     * Directory and Samba return them either way.
     *
     * @param timeLimitSeconds the server-side time limit, 0 for none
     * @return the request
     */
    public static SearchRequest rootDse(int timeLimitSeconds) {
        return rootDse(timeLimitSeconds, List.of("*", "+"));
    }

    /**
     * A rootDSE read for chosen attributes only, e.g. {@code dnsHostName} and
     * {@code defaultNamingContext} when all that matters is that LDAP answers.
     *
     * @param timeLimitSeconds the server-side time limit, 0 for none
     * @param attributes the attributes to return, not null
     * @return the request
     */
    public static SearchRequest rootDse(int timeLimitSeconds, List<String> attributes) {
        return new SearchRequest("", SCOPE_BASE_OBJECT, NEVER_DEREF_ALIASES, 0, timeLimitSeconds, false,
                "objectClass", attributes);
    }

    /**
     * @param r positioned at the operation, not null
     * @return the request
     * @throws ProtocolDecodeException when malformed, or when the filter is not a present filter
     */
    public static SearchRequest decode(BerReader r) {
        BerReader body = r.readConstructed(TAG);
        String base = body.readUtf8();
        int scope = body.readEnumerated();
        int deref = body.readEnumerated();
        int size = body.readInt();
        int time = body.readInt();
        boolean typesOnly = body.readBoolean();
        BerTag filter = body.peekTag();
        ProtocolDecodeException.check(filter.equals(PRESENT_FILTER), r.protocol(),
                "only present filters are supported, found %s", filter);
        String present = body.readUtf8(PRESENT_FILTER);
        BerReader attrs = body.readSequence();
        List<String> names = new ArrayList<>();
        while (attrs.hasRemaining()) {
            names.add(attrs.readUtf8());
        }
        body.expectEnd("SearchRequest");
        ProtocolDecodeException.check(scope >= 0 && scope <= 2 && deref >= 0 && deref <= 3 && size >= 0 && time >= 0,
                r.protocol(), "SearchRequest field out of range (scope %d, derefAliases %d, sizeLimit %d, timeLimit %d)",
                scope, deref, size, time);
        return new SearchRequest(base, scope, deref, size, time, typesOnly, present, names);
    }

    @Override
    public BerTag tag() {
        return TAG;
    }

    @Override
    public void writeTo(BerWriter w) {
        w.start(TAG)
                .writeUtf8(baseObject)
                .writeEnumerated(scope)
                .writeEnumerated(derefAliases)
                .writeInteger(sizeLimit)
                .writeInteger(timeLimit)
                .writeBoolean(typesOnly)
                .writeUtf8(PRESENT_FILTER, presentAttribute)
                .startSequence();
        attributes.forEach(w::writeUtf8);
        w.end().end();
    }

    @Override
    public String toString() {
        return "SearchRequest[base=\"" + baseObject + "\", scope=" + scope + ", filter=(" + presentAttribute
                + "=*), attributes=" + attributes + ", sizeLimit=" + sizeLimit + ", timeLimit=" + timeLimit + "s]";
    }
}
