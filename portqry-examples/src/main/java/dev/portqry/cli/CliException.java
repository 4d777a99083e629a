package dev.portqry.cli;

/**
 * A failure the CLI reports as one line on stderr with its exit code, never as a stack trace.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message the line to print, naming the argument at fault
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param message the line to print, naming the argument at fault
     * @return a usage error ({@link ExitCodes#USAGE})
     */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** @return the exit code this failure ends the run with */
    public int exitCode() {
        return exitCode;
    }
}
