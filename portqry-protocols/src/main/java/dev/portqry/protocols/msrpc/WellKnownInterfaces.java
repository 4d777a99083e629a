package dev.portqry.protocols.msrpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable names of well-known RPC interfaces, so that an endpoint without annotation still says
 * what it is, and so that callers can ask "where is DRSUAPI?". UUIDs and versions from the
 * "Standards Assignments"/"Transport" sections of the Microsoft open specifications named beside
 * each entry, and from C706 appendix O for the endpoint mapper.
 */
public final class WellKnownInterfaces {
    private static final Map<UUID, Entry> BY_UUID = new LinkedHashMap<>();
    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();
    private static final Pattern UUID_WITH_VERSION = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:\\s*(?:v|:)\\s*(\\d{1,5})(?:\\.(\\d{1,5}))?)?");

    /**
     * A named interface.
     *
     * @param name the readable name, e.g. {@code DRSUAPI}
     * @param id the UUID with the version servers register
     */
    public record Entry(String name, RpcInterfaceId id) {
    }

    static {
        add("EPM", "e1af8308-5d1f-11c9-91a4-08002b14a0fa", 3, 0);           // C706 appendix O, MS-RPCE 2.2.1.2
        add("MGMT", "afa8bd80-7d8a-11c9-bef4-08002b102989", 1, 0);          // C706 appendix Q
        add("DRSUAPI", "e3514235-4b06-11d1-ab04-00c04fc2dcd2", 4, 0);       // MS-DRSR 1.9
        add("DSAOP", "7c44d7d4-31d5-424c-bd5e-2b3e1f323d22", 1, 0);         // MS-DRSR 1.9
        add("LSARPC", "12345778-1234-abcd-ef00-0123456789ab", 0, 0);        // MS-LSAD 1.9
        add("SAMR", "12345778-1234-abcd-ef00-0123456789ac", 1, 0);          // MS-SAMR 1.9
        add("NETLOGON", "12345678-1234-abcd-ef00-01234567cffb", 1, 0);      // MS-NRPC 1.9
        add("DNSSERVER", "50abc2a4-574d-40b3-9d66-ee4fd5fba076", 5, 0);     // MS-DNSP 1.9
        add("BACKUPKEY", "3dde7c30-165d-11d1-ab8f-00805f14db40", 1, 0);     // MS-BKRP 1.9
        add("FRSRPC", "f5cc59b4-4264-101a-8c59-08002b2f8426", 1, 1);        // MS-FRS1 1.9
        add("DFSR", "897e2e5f-93f3-4376-9c9c-fd2277495c27", 1, 0);          // MS-FRS2 2.1
        add("DSSETUP", "3919286a-b10c-11d0-9ba8-00c04fd92ef5", 0, 0);       // MS-DSSP 1.9 (LSA-DS)
        add("WKSSVC", "6bffd098-a112-3610-9833-46c3f87e345a", 1, 0);        // MS-WKST 1.9
        add("SRVSVC", "4b324fc8-1670-01d3-1278-5a47bf6ee188", 3, 0);        // MS-SRVS 1.9
        add("WINREG", "338cd001-2244-31f1-aaaa-900038001003", 1, 0);        // MS-RRP 1.9
        add("SVCCTL", "367abb81-9844-35f1-ad32-98f038001003", 2, 0);        // MS-SCMR 2.1.1
        add("ATSVC", "1ff70682-0a51-30e8-076d-740be8cee98b", 1, 0);         // MS-TSCH 1.9
        add("SASEC", "378e52b0-c0a9-11cf-822d-00aa0051e40f", 1, 0);         // MS-TSCH 1.9
        add("ITASKSCHEDULERSERVICE", "86d35949-83c9-4044-b424-db363231fd0c", 1, 0); // MS-TSCH 1.9
        add("SPOOLSS", "12345678-1234-abcd-ef00-0123456789ab", 1, 0);       // MS-RPRN 1.9
        add("IREMOTEWINSPOOL", "76f03f96-cdfd-44fc-a22c-64950a001209", 1, 0); // MS-PAR 1.9
        add("EVENTLOG", "82273fdc-e32a-18c3-3f78-827929dc23ea", 0, 0);      // MS-EVEN 1.9
        add("EVENTLOG6", "f6beaff7-1e19-4fbb-9f8f-b89e2018337c", 1, 0);     // MS-EVEN6 1.9
        add("BROWSER", "6bffd098-a112-3610-9833-012892020162", 0, 0);       // MS-BRWSA 1.9
        add("EFSRPC", "c681d488-d850-11d0-8c52-00c04fd90f7e", 1, 0);        // MS-EFSR 1.9
        add("EFSR", "df1941c5-fe89-4e79-bf10-463657acf44d", 1, 0);          // MS-EFSR 1.9
        add("NETDFS", "4fc742e0-4a10-11cf-8273-00aa004ae673", 3, 0);        // MS-DFSNM 1.9
        add("W32TIME", "8fb6d884-2388-11d0-8c35-00c04fda2795", 4, 1);       // MS-W32T 1.9
        add("INITSHUTDOWN", "894de0c0-0d55-11d3-a322-00c04fa321a1", 1, 0);  // MS-RSP 1.9
        add("WINDOWSSHUTDOWN", "d95afe70-a6d5-4259-822e-2c84da1ddb0d", 1, 0); // MS-RSP 1.9
        add("ICERTPASSAGE", "91ae6020-9e3c-11cf-8d7c-00aa00c091be", 0, 0);  // MS-ICPR 1.9
        add("FWREMOTE", "6b5bdd1e-528c-422c-af8c-a4079be4fe48", 1, 0);      // MS-FASP 1.9
        add("NSPI", "f5cc5a18-4264-101a-8c59-08002b2f8426", 56, 0);         // MS-NSPI 1.9
        add("WINSIF", "45f52c28-7f9f-101a-b52b-08002b2efabe", 1, 0);        // MS-RAIW 1.9
        add("WINSI2", "811109bf-a4e1-11d1-ab54-00a0c91e9b45", 1, 0);        // MS-RAIW 1.9
        add("DHCPSRV", "6bffd098-a112-3610-9833-46c3f874532d", 1, 0);       // MS-DHCPM 1.9
        add("DHCPSRV2", "5b821720-f63b-11d0-aad2-00c04fc324db", 1, 0);      // MS-DHCPM 1.9
        add("NTDSBACKUP", "ecec0d70-a603-11d0-96b1-00a0c91ece30", 1, 0);    // Windows NTDS backup interface
        add("UNIXINFO", "9c54e310-a955-4885-bd31-78787147dfa6", 0, 0);      // Samba's unixinfo interface
    }

    private WellKnownInterfaces() {
    }

    private static void add(String name, String uuid, int major, int minor) {
        Entry e = new Entry(name, RpcInterfaceId.of(uuid, major, minor));
        BY_UUID.putIfAbsent(e.id().uuid(), e);
        BY_NAME.put(name, e);
    }

    /**
     * @param uuid an interface UUID, not null
     * @return its readable name, e.g. {@code DRSUAPI}, or empty when unknown
     */
    public static Optional<String> nameOf(UUID uuid) {
        return Optional.ofNullable(BY_UUID.get(uuid)).map(Entry::name);
    }

    /**
     * @param name a readable name, any case, e.g. {@code drsuapi}; not null
     * @return the interface with the version servers register, or empty when unknown
     */
    public static Optional<RpcInterfaceId> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toUpperCase(Locale.ROOT))).map(Entry::id);
    }

    /**
     * Parses what a user types for an interface: a well-known name ({@code DRSUAPI}), a UUID
     * ({@code e3514235-4b06-11d1-ab04-00c04fc2dcd2}, version taken from the known list, else 0.0),
     * or a UUID with version ({@code e3514235-...:4.0} or {@code e3514235-... v4.0}).
     *
     * @param text the text, not null
     * @return the interface
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static RpcInterfaceId parse(String text) {
        String t = text.trim();
        Optional<RpcInterfaceId> named = byName(t);
        if (named.isPresent()) {
            return named.get();
        }
        Matcher m = UUID_WITH_VERSION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("interface must be a UUID, UUID:major.minor or one of "
                    + BY_NAME.keySet() + ", was " + text);
        }
        UUID uuid = UUID.fromString(m.group(1));
        if (m.group(2) == null) {
            Entry known = BY_UUID.get(uuid);
            return known != null ? known.id() : new RpcInterfaceId(uuid, 0, 0);
        }
        return new RpcInterfaceId(uuid, Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** @return every known interface, in a fixed order */
    public static Map<String, Entry> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }
}
