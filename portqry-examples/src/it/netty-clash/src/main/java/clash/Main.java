package clash;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.Protocol;
import java.net.InetAddress;

/** What an application does first: build a PortProbe and probe one loopback port. */
public final class Main {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        try (PortProbe probe = PortProbe.builder().build()) {
            PortStatus s = probe.probe(InetAddress.getLoopbackAddress(), Protocol.TCP, port).join();
            System.out.println("state: " + s.state());
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
