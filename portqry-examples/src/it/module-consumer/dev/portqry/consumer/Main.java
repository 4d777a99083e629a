package dev.portqry.consumer;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ProtocolResponder;
import dev.portqry.core.spi.ResponderRegistry;
import java.net.InetAddress;
import java.util.stream.Collectors;

/** Probes a loopback greeting server with the SMTP responder, as a module-path application would. */
public final class Main {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        System.out.println("module: " + Main.class.getModule().getName());
        System.out.println("responders: " + ResponderRegistry.loadDefault().responders().stream()
                .map(ProtocolResponder::name).sorted().collect(Collectors.joining(",")));
        Module core = PortProbe.class.getModule();
        System.out.println("core: " + core.getName() + " exports internal: " + core.isExported("dev.portqry.core.internal"));
        try (PortProbe probe = PortProbe.builder().build()) {
            ProbeOptions smtp = probe.defaultOptions().toBuilder().responder(ResponderSelection.forced("smtp")).build();
            PortStatus s = probe.probe(InetAddress.getLoopbackAddress(), Protocol.TCP, port, smtp).join();
            System.out.println("state: " + s.state());
            System.out.println("responder: " + s.responder().map(Object::toString).orElse("none"));
        }
    }
}
