package dev.portqry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The raw command line as picocli binds it: every value is kept as typed, so that
 * {@link ArgumentParser} can check it and name the option in its message.
 */
@Command(name = "portqry")
final class CliArguments {
    @Option(names = "-n") String target;
    @Option(names = "-p") String protocol;
    @Option(names = "-e") String endpoint;
    @Option(names = "-o") String ordered;
    @Option(names = "-r") String range;
    @Option(names = "-q") boolean quiet;
    @Option(names = "-l") String logFile;
    @Option(names = "-y") boolean overwrite;
    @Option(names = "-sp") String sourcePort;
    @Option(names = "-sl") boolean slowLink;
    @Option(names = "-nr") boolean noReverse;
    @Option(names = "-cn", parameterConsumer = BangQuoted.class) String community;
    @Option(names = "-i") boolean interactive;
    @Option(names = "-local") boolean local;
    @Option(names = "-wport") String watchPort;
    @Option(names = "-wpid") String watchPid;
    @Option(names = "-wt") String watchTime;
    @Option(names = "-v") boolean verbose;
    @Option(names = {"-h", "-?", "-help"}) boolean help;

    // Beyond PortQry.
    @Option(names = "-json") boolean json;
    @Option(names = "-rpcports") boolean rpcPorts;
    @Option(names = "-svc") String service;
    @Option(names = "-set") List<String> settings = new ArrayList<>();
    @Option(names = "-ipv4") boolean ipv4;
    @Option(names = "-ipv6") boolean ipv6;
    @Option(names = "-tcpwait") String tcpWait;
    @Option(names = "-tcptries") String tcpTries;
    @Option(names = "-udpwait") String udpWait;
    @Option(names = "-udptries") String udpTries;
    @Option(names = "-querywait") String queryWait;
    @Option(names = "-udppacing") String udpPacing;
    @Option(names = "-parallel") String parallel;
    @Option(names = "-ui", arity = "0..1", fallbackValue = "") String ui;
    @Option(names = "-uiaddr") String uiAddress;
    @Option(names = "-exporter", arity = "0..1", fallbackValue = "") String exporter;
    @Option(names = "-exporteraddr") String exporterAddress;
    @Option(names = "-exporterconfig") String exporterConfig;

    /**
     * Consumes PortQry's {@code !community name!}: the shell splits a name with spaces into
     * several arguments, so the value runs from the argument that opens with {@code !} to the
     * one that closes with it, rejoined with single spaces.
     */
    static final class BangQuoted implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "-cn needs a value: -cn !community!");
            }
            String first = args.pop();
            if (!first.startsWith("!")) {
                throw new ParameterException(commandSpec.commandLine(),
                        "-cn value must be enclosed in ! characters, e.g. -cn !public!, was " + first);
            }
            StringBuilder value = new StringBuilder(first);
            while (value.length() < 2 || value.charAt(value.length() - 1) != '!') {
                if (args.isEmpty()) {
                    throw new ParameterException(commandSpec.commandLine(),
                            "-cn value has no closing !: " + value);
                }
                value.append(' ').append(args.pop());
            }
            argSpec.setValue(value.substring(1, value.length() - 1));
        }
    }
}
