package dev.portqry.exporter;

import dev.portqry.cli.CliException;
import dev.portqry.cli.ExitCodes;
import dev.portqry.core.PortProbe;
import dev.portqry.core.ProbeOptions;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What {@code portqry -exporter [port]} does: read the modules file ({@code -exporterconfig}),
 * start the {@link ExporterServer}, print its address (and a warning when other computers can
 * reach it), serve until asked to stop.
 */
public final class ExporterCommand {
    private static final long POLL_MILLIS = 200;

    private ExporterCommand() {
    }

    /**
     * Serves until {@code stop} says so; blocks the calling thread.
     *
     * @param probe the engine, not null; not closed here
     * @param port the port, 0-65535
     * @param address the address to bind instead of loopback, if any
     * @param config the modules file, if any
     * @param probeOptions the options probes start from (the CLI's timing options), not null
     * @param out receives the line with the address, not null
     * @param warn receives warnings, not null
     * @param stop polled every 200 ms; true ends the command, not null
     * @return {@link ExitCodes#LISTENING} once stopped
     * @throws CliException {@link ExitCodes#USAGE} for a bad modules file (naming file, line and
     *         field), {@link ExitCodes#FAILURE} when the address or port cannot be bound
     */
    public static int run(PortProbe probe, int port, Optional<InetAddress> address, Optional<Path> config,
                          ProbeOptions probeOptions, Consumer<String> out, Consumer<String> warn, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        ExporterConfig cfg;
        try {
            cfg = config.map(ExporterConfigLoader::load).orElseGet(ExporterConfig::defaults);
        } catch (ExporterConfigException e) {
            throw new CliException(ExitCodes.USAGE, "-exporterconfig " + e.getMessage());
        }
        ExporterOptions.Builder b = ExporterOptions.builder().port(port).config(cfg).probeOptions(probeOptions);
        address.ifPresent(b::bindAddress);
        ExporterOptions options = b.build();
        ExporterServer server;
        try {
            server = ExporterServer.start(probe, options);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "-exporter " + port + ": cannot listen on "
                    + NetUtil.toAddressString(options.bindAddress()) + " port " + port + ": " + e.getMessage());
        }
        try (server) {
            if (server.reachableFromOtherHosts()) {
                warn.accept("portqry: warning: -exporteraddr " + NetUtil.toAddressString(options.bindAddress())
                        + ": the exporter is reachable from other computers; anyone who reaches it can run the modules "
                        + "against the allowed targets (" + cfg.allowList() + ")");
            }
            out.accept("portqry exporter: serving " + server.uri() + "probe?target=HOST&module=NAME, " + cfg.modules().size()
                    + " modules (" + String.join(", ", cfg.modules().keySet()) + "), targets: " + cfg.allowList()
                    + " (Ctrl+C stops)");
            while (!stop.getAsBoolean()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.LISTENING;
    }
}
