package dev.portqry.cli;

import dev.portqry.core.PortSpec;
import dev.portqry.core.Protocol;
import dev.portqry.core.spi.PortClaim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses PortQry's port arguments ({@code -e 80}, {@code -o 80,443}, {@code -r 1:1024}) and
 * PortQryUI's manual lists ({@code 135,1024-5000}), and
 * expands them into protocol and port pairs. Every failure is a usage {@link CliException}
 * naming the option.
 */
public final class PortLists {
    private PortLists() {
    }

    /**
     * @param option the option, for the message (e.g. {@code -e})
     * @param text a port number
     * @return the port, 1-65535
     */
    public static int port(String option, String text) {
        return intIn(option, text, PortSpec.MIN_PORT, PortSpec.MAX_PORT, "port");
    }

    /**
     * @param option the option, for the message (e.g. {@code -o})
     * @param text ports separated by commas
     * @return the ports, in the order given
     */
    static List<Integer> list(String option, String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : text.split(",", -1)) {
            out.add(port(option, p));
        }
        return out;
    }

    /**
     * @param option the option, for the message (e.g. {@code -r})
     * @param text {@code start:end} ({@code start;end} as old PortQry documents also shows)
     * @return every port from start to end
     */
    static List<Integer> range(String option, String text) {
        String[] f = text.split("[:;]", -1);
        if (f.length != 2) {
            throw CliException.usage(option + " must be start:end, e.g. 1:1024, was " + text);
        }
        int start = port(option, f[0]);
        int end = port(option, f[1]);
        if (start >= end) {
            throw CliException.usage(option + " start must be below end, was " + text);
        }
        List<Integer> out = new ArrayList<>(end - start + 1);
        for (int p = start; p <= end; p++) {
            out.add(p);
        }
        return out;
    }

    /**
     * Parses PortQryUI's manual list: ports and ranges separated by commas, e.g.
     * {@code 135,1024-5000}. A range {@code a-b} needs {@code a <= b}; a port given twice is
     * probed once.
     *
     * @param option the option or form field, for the message
     * @param text the list, not null; blanks around items are ignored
     * @return the ports in the order given, ranges ascending
     * @throws CliException a usage error naming {@code option} and the bad item
     */
    public static List<Integer> portsAndRanges(String option, String text) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String item : text.split(",", -1)) {
            String t = item.trim();
            if (t.isEmpty()) {
                throw CliException.usage(option + " has an empty item, was '" + text.trim() + "'");
            }
            int dash = t.indexOf('-', 1);
            if (dash < 0) {
                out.add(port(option, t));
                continue;
            }
            int start = port(option, t.substring(0, dash));
            int end = port(option, t.substring(dash + 1));
            if (start > end) {
                throw CliException.usage(option + " range start must not be above its end, was " + t);
            }
            for (int p = start; p <= end; p++) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param option the option, for the message (e.g. {@code -p})
     * @param text {@code tcp}, {@code udp} or {@code both}, any case
     * @return the protocols, TCP first
     */
    static List<Protocol> protocols(String option, String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("both")) {
            return List.of(Protocol.TCP, Protocol.UDP);
        }
        try {
            return List.of(Protocol.parse(t));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(option + " must be tcp, udp or both, was " + text);
        }
    }

    /**
     * @param ports ports in order
     * @param protocols protocols, TCP first
     * @return each port with each protocol, port by port (PortQry's order)
     */
    static List<PortClaim> claims(List<Integer> ports, List<Protocol> protocols) {
        List<PortClaim> out = new ArrayList<>(ports.size() * protocols.size());
        for (int p : ports) {
            for (Protocol pr : protocols) {
                out.add(new PortClaim(pr, p));
            }
        }
        return out;
    }

    /**
     * @param option the option, for the message
     * @param text a decimal integer
     * @param min lowest value allowed
     * @param max highest value allowed
     * @param what what the number is, for the message (e.g. {@code port})
     * @return the value
     */
    static int intIn(String option, String text, int min, int max, String what) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw CliException.usage(option + " " + what + " must be a number " + min + "-" + max + ", was '" + text + "'");
        }
        if (v < min || v > max) {
            throw CliException.usage(option + " " + what + " must be " + min + "-" + max + ", was " + text.trim());
        }
        return (int) v;
    }
}
