package dev.portqry.protocols.msrpc;

import dev.portqry.protocols.msrpc.internal.ClPdu;
import dev.portqry.protocols.msrpc.internal.ClPduType;
import dev.portqry.protocols.msrpc.internal.EpmTestServer;
import dev.portqry.protocols.msrpc.internal.LookupCall;
import dev.portqry.protocols.msrpc.internal.MapCall;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: a tool that produced the {@code cl_*.hex} golden vectors. It runs a whole
 * connectionless ept_lookup and ept_map between our client conversation and {@link EpmTestServer}'s
 * encoder over real datagrams to {@code host:135} (run it where tshark captures that port), and
 * writes each datagram to {@code outDir}. Usage: {@code ClCapture outDir host}.
 */
public final class ClCapture {
    private ClCapture() {
    }

    /** @param args output directory and the loopback host to use */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        InetAddress host = InetAddress.getByName(args[1]);
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(false);
        List<RpcEndpoint> eps = EpmTestServer.sampleEndpoints();
        EpmTestServer codec = new EpmTestServer(host, eps);
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(host, 135));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(host, 0))) {
            run(out, "cl_lookup", new ClEpmConversation(alloc, new LookupCall(100, 500), 1 << 20,
                    UUID.fromString("6d0c3a8e-1a2b-4c3d-8e9f-a0b1c2d3e4f5")), server, client, codec);
            run(out, "cl_map", new ClEpmConversation(alloc, new MapCall(WellKnownInterfaces.parse("DRSUAPI"),
                    ProtocolSequence.NCACN_IP_TCP), 1 << 20, UUID.fromString("7e1d4b9f-2b3c-4d4e-9fa0-b1c2d3e4f506")),
                    server, client, codec);
        } finally {
            codec.close();
        }
    }

    private static void run(Path out, String prefix, ClEpmConversation c, DatagramSocket server, DatagramSocket client,
                            EpmTestServer codec) throws Exception {
        ByteBuf next = c.start();
        int n = 0;
        while (next != null) {
            byte[] req = ByteBufUtil.getBytes(next);
            next.release();
            client.send(new DatagramPacket(req, req.length, server.getLocalSocketAddress()));
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            server.receive(p);
            ClPdu pdu = ClPdu.decode(Unpooled.wrappedBuffer(buf, 0, p.getLength()));
            Files.writeString(out.resolve(prefix + "_" + (n++) + "_" + pdu.header().type().name() + ".hex"),
                    HexFormat.of().formatHex(req) + "\n");
            if (!pdu.header().type().equals(ClPduType.REQUEST)) {
                continue;
            }
            next = null;
            for (byte[] d : codec.clResponses(pdu)) {
                server.send(new DatagramPacket(d, d.length, client.getLocalSocketAddress()));
                DatagramPacket r = new DatagramPacket(buf, buf.length);
                client.receive(r);
                byte[] got = java.util.Arrays.copyOf(buf, r.getLength());
                Files.writeString(out.resolve(prefix + "_" + (n++) + "_response.hex"), HexFormat.of().formatHex(got) + "\n");
                dev.portqry.core.spi.Step step = c.onReceive(Unpooled.wrappedBuffer(got));
                if (step instanceof dev.portqry.core.spi.Step.Send s) {
                    next = s.data();
                    if (next.getUnsignedByte(1) == ClPduType.FACK.code()) {
                        byte[] fack = ByteBufUtil.getBytes(next);
                        next.release();
                        next = null;
                        client.send(new DatagramPacket(fack, fack.length, server.getLocalSocketAddress()));
                        DatagramPacket fp = new DatagramPacket(buf, buf.length);
                        server.receive(fp);
                        Files.writeString(out.resolve(prefix + "_" + (n++) + "_fack.hex"), HexFormat.of().formatHex(fack) + "\n");
                    }
                } else if (step instanceof dev.portqry.core.spi.Step.Done done) {
                    System.out.println(prefix + " done: " + done.result().summary());
                }
            }
        }
    }
}
