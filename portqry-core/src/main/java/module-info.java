/**
 * portqry's engine: asynchronous TCP and UDP port probes, bounded scans, name resolution, the
 * services file, and the {@link dev.portqry.core.spi.ProtocolResponder} SPI. Responders are found
 * through {@link java.util.ServiceLoader}: on the module path, a module that {@code provides
 * dev.portqry.core.spi.ProtocolResponder} is picked up like a {@code META-INF/services} entry on
 * the class path. Only the API ({@code dev.portqry.core}) and the SPI ({@code dev.portqry.core.spi})
 * are exported; {@code dev.portqry.core.internal} is not.
 */
module dev.portqry.core {
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;
    // The open-file limit that bounds a scan's sockets in flight (FileLimits).
    requires java.management;
    requires jdk.management;

    exports dev.portqry.core;
    exports dev.portqry.core.spi;

    uses dev.portqry.core.spi.ProtocolResponder;
}
