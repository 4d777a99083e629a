package dev.portqry.protocols.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import dev.portqry.core.spi.ResponderRegistry;
import dev.portqry.protocols.greeting.LocalDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against tftpd-hpa, started here in the foreground on a free loopback port with a temporary
 * root ({@code in.tftpd -L -a 127.0.0.1:PORT -s DIR}); skipped when tftpd-hpa is not installed.
 */
class TftpIT {

    @Test
    void tftpdHpaAnswersFromItsTransferPort(@TempDir Path dir) throws Exception {
        Path tftpd = LocalDaemon.require("in.tftpd", "tftpd-hpa");
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        // in.tftpd drops to user nobody: the root and the file must be readable by others.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("hello.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        int port = LocalDaemon.freeUdpPort();
        try (LocalDaemon d = LocalDaemon.startUdp(List.of(tftpd.toString(), "-L", "-a", "127.0.0.1:" + port, "-s", root.toString()),
                Map.of(), dir, port);
             PortProbe probe = PortProbe.builder().responders(ResponderRegistry.loadDefault()).build()) {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            ProbeOptions opts = ProbeOptions.builder().responder(ResponderSelection.forced("tftp")).build();

            PortStatus missing = probe.probe(lo, Protocol.UDP, port, opts).get(30, TimeUnit.SECONDS);
            assertThat(missing.state()).as(d.output()).isEqualTo(PortState.LISTENING);
            TftpResult r = missing.result(TftpResult.class).orElseThrow();
            assertThat(r.error()).get().extracting(TftpError::code).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);

            TftpResult hello = probe.probe(lo, Protocol.UDP, port, opts.toBuilder().set(TftpResponder.FILE_NAME, "hello.txt").build())
                    .get(30, TimeUnit.SECONDS).result(TftpResult.class).orElseThrow();
            assertThat(hello.fileExists()).isTrue();
        }
    }
}
