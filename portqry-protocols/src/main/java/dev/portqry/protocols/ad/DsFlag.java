package dev.portqry.protocols.ad;

import java.util.ArrayList;
import java.util.List;

/** The DS_FLAG bits of a netlogon response's Flags field (MS-ADTS 6.3.1.2). */
public enum DsFlag {
    /** The server holds the PDC FSMO role. */
    PDC(0x1),
    /** The server is a global catalog. */
    GC(0x4),
    /** The server is an LDAP server. */
    LDAP(0x8),
    /** The server is a domain controller. */
    DS(0x10),
    /** The server runs a Kerberos KDC. */
    KDC(0x20),
    /** The server runs the time service. */
    TIMESERV(0x40),
    /** The server is in the client's site. */
    CLOSEST(0x80),
    /** The server is writable (not read-only). */
    WRITABLE(0x100),
    /** The server has a reliable time source. */
    GOOD_TIMESERV(0x200),
    /** The naming context is an application NC. */
    NDNC(0x400),
    /** The server is a read-only DC (RODC). */
    SELECT_SECRET_DOMAIN_6(0x800),
    /** The server is a writable DC of Windows 2008 or later. */
    FULL_SECRET_DOMAIN_6(0x1000),
    /** Active Directory Web Service is present. */
    WS(0x2000),
    /** Windows 2012 or later. */
    DS_8(0x4000),
    /** Windows 2012 R2 or later. */
    DS_9(0x8000),
    /** Windows 2016 or later. */
    DS_10(0x10000),
    /** The server has a DNS name. */
    DNS_CONTROLLER(0x20000000),
    /** The domain has a DNS name. */
    DNS_DOMAIN(0x40000000),
    /** The forest has a DNS name. */
    DNS_FOREST(0x80000000);

    private final int bit;

    DsFlag(int bit) {
        this.bit = bit;
    }

    /** @return the flag's bit */
    public int bit() {
        return bit;
    }

    /**
     * @param flags the Flags field
     * @return the named flags set in it, in bit order
     */
    public static List<DsFlag> of(int flags) {
        List<DsFlag> out = new ArrayList<>();
        for (DsFlag f : values()) {
            if ((flags & f.bit) != 0) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
