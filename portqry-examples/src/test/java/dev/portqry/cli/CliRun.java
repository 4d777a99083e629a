package dev.portqry.cli;

import dev.portqry.core.PortProbe;
import dev.portqry.core.spi.ResponderRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of the CLI with an {@link EchoTestResponder} on a given UDP port, stdin given
 * as text and stdout/stderr captured as UTF-8.
 *
 * @param code the exit code
 * @param out stdout
 * @param err stderr
 */
record CliRun(int code, String out, String err) {
    static CliRun of(int echoPort, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PortQry cli = new PortQry(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null, false)
                .probes(() -> PortProbe.builder()
                        .responders(ResponderRegistry.builder().add(new EchoTestResponder(echoPort)).build()).build());
        int code = cli.run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return stdout split at '\n', as PortQryRunTest has always compared it */
    List<String> outLines() {
        return Arrays.asList(out.split("\n"));
    }
}
