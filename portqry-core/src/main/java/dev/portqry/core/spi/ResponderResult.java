package dev.portqry.core.spi;

import java.util.List;

/**
 * The typed answer a responder decoded. Implementations are immutable records of the
 * responder's own type (e.g. an LDAP rootDSE); callers read them with pattern matching or
 * {@link dev.portqry.core.PortStatus#result(Class)}.
 */
public interface ResponderResult {
    /**
     * The result as PortQry prints it, from the section header to the end marker, e.g.
     * {@code LDAP query response:} ... {@code ======== End of LDAP query response ========}.
     *
     * @return the lines, without line terminators; never null
     */
    List<String> reportLines();

    /**
     * One short line for tables and logs, e.g. {@code dnsHostName=dc1.corp.example.test}.
     *
     * @return the summary, empty when there is nothing worth saying; never null
     */
    default String summary() {
        return "";
    }
}
