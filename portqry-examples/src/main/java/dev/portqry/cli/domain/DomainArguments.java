package dev.portqry.cli.domain;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The raw {@code -domain} command line as picocli binds it; {@link DomainRequest} checks it. */
@Command(name = "portqry -domain")
final class DomainArguments {
    @Option(names = "-domain") String domain;
    @Option(names = "-site") String site;
    @Option(names = "-forest") String forest;
    @Option(names = "-dnsserver") String dnsServer;
    @Option(names = "-dnswait") String dnsWait;
    @Option(names = "-json") boolean json;
    @Option(names = "-tcpwait") String tcpWait;
    @Option(names = "-tcptries") String tcpTries;
    @Option(names = "-udpwait") String udpWait;
    @Option(names = "-udptries") String udpTries;
    @Option(names = "-querywait") String queryWait;
    @Option(names = "-parallel") String parallel;
    @Option(names = "-certdays") String certDays;
}
