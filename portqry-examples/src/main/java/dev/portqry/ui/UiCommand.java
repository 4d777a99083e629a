package dev.portqry.ui;

import dev.portqry.cli.CliException;
import dev.portqry.cli.ExitCodes;
import dev.portqry.core.PortProbe;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What {@code portqry -ui} does: start the {@link UiServer}, print the address to open (and a
 * warning when it is reachable from other computers), serve until asked to stop.
 */
public final class UiCommand {
    /** How often the stop condition is checked, in milliseconds. */
    private static final long POLL_MILLIS = 200;

    private UiCommand() {
    }

    /**
     * Serves the UI until {@code stop} says so; blocks the calling thread.
     *
     * @param probe the engine, not null; not closed here
     * @param options where to listen and the limits, not null
     * @param out receives the line with the address to open, not null
     * @param warn receives the warning for an address other than loopback, not null
     * @param stop polled every 200 ms; true ends the command, not null
     * @return {@link ExitCodes#LISTENING} once stopped
     * @throws CliException {@link ExitCodes#FAILURE} when the address or port cannot be bound
     */
    public static int run(PortProbe probe, UiOptions options, Consumer<String> out, Consumer<String> warn, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        UiServer server;
        try {
            server = UiServer.start(probe, options);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "-ui " + options.port() + ": cannot listen on "
                    + NetUtil.toAddressString(options.bindAddress()) + " port " + options.port() + ": " + e.getMessage());
        }
        try (server) {
            if (server.reachableFromOtherHosts()) {
                warn.accept("portqry: warning: -uiaddr " + NetUtil.toAddressString(options.bindAddress())
                        + ": the UI is reachable from other computers, and anyone who reaches it can run port queries from this one");
            }
            out.accept("PortQry UI: open " + server.uri() + " in a browser (Ctrl+C stops)");
            while (!stop.getAsBoolean()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.LISTENING;
    }
}
