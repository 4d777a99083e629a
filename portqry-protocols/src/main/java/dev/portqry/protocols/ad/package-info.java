/**
 * Active Directory domain checks: find a domain's controllers through DNS SRV records
 * ({@link dev.portqry.protocols.ad.DomainControllerLocator}), ping each one over CLDAP for its
 * site and flags ({@link dev.portqry.protocols.ad.NetlogonPingResponder}), and probe each one on
 * everything the domain needs ({@link dev.portqry.protocols.ad.DomainCheck}), producing a matrix
 * of typed, immutable cells.
 *
 * <pre>{@code
 * try (PortProbe probe = PortProbe.builder().build();
 *      DomainControllerLocator locator = DomainControllerLocator.builder().dnsServer(dns).build()) {
 *     DomainControllers dcs = locator.locate("corp.example.test").join();
 *     DomainMatrix m = DomainCheck.builder().build().run(probe, dcs, cell -> {}).join();
 *     System.out.println(m.exitCode());
 * }
 * }</pre>
 */
package dev.portqry.protocols.ad;
