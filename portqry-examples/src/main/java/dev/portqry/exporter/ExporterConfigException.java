package dev.portqry.exporter;

/**
 * A modules file the exporter will not start on; the message names the file, the line and the
 * field, e.g. {@code exporter.yml line 7: modules.dc.ports[1]: port must be 1-65535, was 0}.
 */
public final class ExporterConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the file, line, field and what is wrong
     * @param cause the underlying error, may be null
     */
    public ExporterConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
