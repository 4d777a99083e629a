package dev.portqry.protocols.tls;

/**
 * The LDAP query sent inside TLS: an anonymous base-object search of the rootDSE (RFC 4511
 * section 4.5.1, rootDSE per RFC 4512 5.1) for the two attributes a domain-controller check
 * wants. The bytes are fixed, so they are written out with one comment per field; the shared
 * LDAP codec will replace them.
 */
final class LdapRootDseRequest {
    /** The messageID of the request; the answer must echo it (RFC 4511 4.1.1.1). */
    static final int MESSAGE_ID = 1;

    private static final byte[] BYTES = {
        0x30, 0x48,                   // LDAPMessage SEQUENCE, 72 bytes
        0x02, 0x01, MESSAGE_ID,       //   messageID INTEGER 1
        0x63, 0x43,                   //   [APPLICATION 3] SearchRequest, 67 bytes
        0x04, 0x00,                   //     baseObject LDAPDN "" (the rootDSE)
        0x0a, 0x01, 0x00,             //     scope ENUMERATED baseObject (0)
        0x0a, 0x01, 0x00,             //     derefAliases ENUMERATED neverDerefAliases (0)
        0x02, 0x01, 0x00,             //     sizeLimit INTEGER 0 (none)
        0x02, 0x01, 0x00,             //     timeLimit INTEGER 0 (none)
        0x01, 0x01, 0x00,             //     typesOnly BOOLEAN FALSE
        (byte) 0x87, 0x0b,            //     filter present [7] "objectClass", 11 bytes
        'o', 'b', 'j', 'e', 'c', 't', 'C', 'l', 'a', 's', 's',
        0x30, 0x23,                   //     attributes SEQUENCE, 35 bytes
        0x04, 0x0b,                   //       LDAPString "dnsHostName", 11 bytes
        'd', 'n', 's', 'H', 'o', 's', 't', 'N', 'a', 'm', 'e',
        0x04, 0x14,                   //       LDAPString "defaultNamingContext", 20 bytes
        'd', 'e', 'f', 'a', 'u', 'l', 't', 'N', 'a', 'm', 'i', 'n', 'g', 'C', 'o', 'n', 't', 'e', 'x', 't',
    };

    private LdapRootDseRequest() {
    }

    /** @return a fresh copy of the encoded request */
    static byte[] bytes() {
        return BYTES.clone();
    }
}
