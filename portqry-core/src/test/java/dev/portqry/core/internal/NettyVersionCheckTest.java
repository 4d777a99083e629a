package dev.portqry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NettyVersionCheckTest {
    private final ClassLoader loader = NettyVersionCheck.class.getClassLoader();

    @Test
    void theNettyWeBuildAgainstPasses() {
        assertThatCode(NettyVersionCheck::require).doesNotThrowAnyException();
        assertThat(NettyVersionCheck.problem(Map.of("netty-common", "4.2.18.Final", "netty-transport", "4.2.9.Final"),
                loader)).isNull();
    }

    @Test
    void netty41ModulesAreNamedWithTheirJarAndTheFix() {
        String message = NettyVersionCheck.problem(Map.of(
                "netty-common", "4.1.118.Final", "netty-transport", "4.1.118.Final",
                "netty-codec-dns", "4.2.18.Final"), loader);
        assertThat(message)
                .contains("portqry needs Netty 4.2 (built against 4.2.18.Final)")
                .contains("netty-common 4.1.118.Final (from ")
                .contains("netty-transport 4.1.118.Final (from ")
                .doesNotContain("netty-codec-dns")
                .contains("import io.netty:netty-bom:4.2.18.Final (type pom, scope import)")
                .contains("Running next to other Netty users");
    }

    @Test
    void companionsWithTheirOwnVersionLineAreNotNetty() {
        assertThat(NettyVersionCheck.problem(Map.of("netty-tcnative-boringssl-static", "2.0.70.Final",
                "netty-common", "4.2.18.Final"), loader)).isNull();
    }

    @Test
    void aMissing42TransportIsCaughtWithoutVersionFiles() {
        // A loader that sees no Netty at all: no version file, and no NioIoHandler.
        try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(NettyVersionCheck.problem(Map.of(), empty))
                    .contains("netty-transport older than 4.2 (io.netty.channel.nio.NioIoHandler is missing)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
