package dev.portqry.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.Protocol;
import dev.portqry.core.ResponderSelection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The responder against a real {@code redis-server} (Debian package {@code redis-server}) that
 * this test starts on a free loopback port, without and with a password; skipped when the binary
 * is missing. The command, as the lead may add it to the testbed:
 * {@code redis-server --bind 127.0.0.1 --port PORT --save "" --appendonly no --daemonize no [--requirepass PASS]}.
 */
class RedisServerIT {
    private static final Path REDIS = Path.of("/usr/bin/redis-server");
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void realRedisAnswersPong() throws Exception {
        PortStatus s = probeRealRedis(List.of());
        assertThat(s.state()).isEqualTo(PortState.LISTENING);
        RedisPingResult r = s.result(RedisPingResult.class).orElseThrow(() -> new AssertionError(s.responder()));
        assertThat(r.pong()).isTrue();
    }

    @Test
    void realRedisWithAPasswordAnswersNoauth() throws Exception {
        PortStatus s = probeRealRedis(List.of("--requirepass", "portqry-example"));
        RedisPingResult r = s.result(RedisPingResult.class).orElseThrow(() -> new AssertionError(s.responder()));
        assertThat(r.authenticationRequired()).as(r.reply()).isTrue();
    }

    private static PortStatus probeRealRedis(List<String> extra) throws Exception {
        assumeTrue(Files.isExecutable(REDIS), "redis-server not installed (apt-get install -y redis-server): skipped");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, LO)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(REDIS.toString(), "--bind", LO.getHostAddress(),
                "--port", Integer.toString(port), "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", System.getProperty("java.io.tmpdir")));
        command.addAll(extra);
        Process redis = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitListening(port, redis);
            try (PortProbe probe = PortProbe.builder().build()) {
                // 6379 is claimed by default; a test port needs the responder forced (or a services line).
                ProbeOptions opts = ProbeOptions.builder().responder(ResponderSelection.forced("redis")).build();
                return probe.probe(LO, Protocol.TCP, port, opts).join();
            }
        } finally {
            redis.destroy();
            if (!redis.waitFor(5, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    private static void awaitListening(int port, Process redis) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!redis.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + redis.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LO, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("redis-server did not listen on " + port + " within 5 s");
    }
}
