/**
 * portqry's protocol responders: each package {@code dev.portqry.protocols.<protocol>} holds a
 * {@code ProtocolResponder} and its typed result; wire codecs in {@code internal} packages are not
 * exported. Every responder is provided to {@code dev.portqry.core}'s {@link java.util.ServiceLoader}.
 */
module dev.portqry.protocols {
    requires transitive dev.portqry.core;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.codec.dns;
    requires io.netty.resolver;
    requires io.netty.resolver.dns;
    requires org.slf4j;

    exports dev.portqry.protocols.ad;
    exports dev.portqry.protocols.ber;
    exports dev.portqry.protocols.dns;
    exports dev.portqry.protocols.greeting;
    exports dev.portqry.protocols.health;
    exports dev.portqry.protocols.ike;
    exports dev.portqry.protocols.kerberos;
    exports dev.portqry.protocols.l2tp;
    exports dev.portqry.protocols.ldap;
    exports dev.portqry.protocols.msrpc;
    exports dev.portqry.protocols.netbios;
    exports dev.portqry.protocols.smb;
    exports dev.portqry.protocols.snmp;
    exports dev.portqry.protocols.sqlbrowser;
    exports dev.portqry.protocols.tftp;
    exports dev.portqry.protocols.tls;

    provides dev.portqry.core.spi.ProtocolResponder with
            dev.portqry.protocols.dns.DnsResponder,
            dev.portqry.protocols.ldap.LdapResponder,
            dev.portqry.protocols.netbios.NetBiosResponder,
            dev.portqry.protocols.snmp.SnmpResponder,
            dev.portqry.protocols.sqlbrowser.SqlBrowserResponder,
            dev.portqry.protocols.kerberos.KerberosResponder,
            dev.portqry.protocols.tls.LdapsResponder,
            dev.portqry.protocols.tls.TlsResponder,
            dev.portqry.protocols.smb.SmbResponder,
            dev.portqry.protocols.msrpc.EndpointMapperResponder,
            dev.portqry.protocols.greeting.FtpResponder,
            dev.portqry.protocols.greeting.ImapResponder,
            dev.portqry.protocols.greeting.Pop3Responder,
            dev.portqry.protocols.greeting.SmtpResponder,
            dev.portqry.protocols.tftp.TftpResponder,
            dev.portqry.protocols.l2tp.L2tpResponder,
            dev.portqry.protocols.ike.IkeResponder,
            dev.portqry.protocols.ad.NetlogonPingResponder;
}
