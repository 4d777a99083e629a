package dev.portqry.protocols.msrpc.internal;

import dev.portqry.protocols.msrpc.ProtocolSequence;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import dev.portqry.protocols.msrpc.RpcInterfaceId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A protocol tower's octet string (C706 appendix L, MS-RPCE 2.2.1.1): a little-endian floor
 * count, then per floor a left-hand side (protocol identifier and data) and a right-hand side
 * (address data), each preceded by a little-endian 16-bit length. Floor 1 is the interface,
 * floor 2 the transfer syntax, floor 3 the RPC protocol, floors 4 and 5 the endpoint and host.
 * Ports are big-endian and IPv4 addresses in network order (MS-RPCE 2.2.1.1.3-2.2.1.1.5).
 *
 * @param interfaceId floor 1
 * @param transferSyntax floor 2
 * @param floors floors 3 and up
 */
public record Tower(RpcInterfaceId interfaceId, RpcInterfaceId transferSyntax, List<Floor> floors) {
    /** Floors beyond this many are not a tower but garbage (real towers have 4 or 5). */
    public static final int MAX_FLOORS = 16;
    /** Protocol identifier of the UUID floors 1 and 2. */
    public static final int UUID_FLOOR = 0x0d;

    /**
     * One floor past the syntax floors.
     *
     * @param protocolId the first byte of the left-hand side, e.g. 0x07 for TCP
     * @param lhsData the rest of the left-hand side
     * @param rhs the right-hand side
     */
    public record Floor(int protocolId, byte[] lhsData, byte[] rhs) {
        /**
         * @param protocolId the identifier
         * @param rhs the address data
         * @return a floor whose left-hand side is only the identifier
         */
        public static Floor of(int protocolId, byte[] rhs) {
            return new Floor(protocolId, new byte[0], rhs);
        }

        @Override
        public String toString() {
            return String.format("%02x:%s", protocolId, ByteBufUtil.hexDump(rhs));
        }
    }

    /** Copies the floor list. */
    public Tower {
        floors = List.copyOf(floors);
    }

    /**
     * @param octets the tower octet string, not null
     * @return the tower
     * @throws RpcDecodeException on a bogus floor count, a floor past the data, or syntax floors of the wrong shape
     */
    public static Tower decode(byte[] octets) {
        ByteBuf in = Unpooled.wrappedBuffer(octets);
        RpcDecodeException.expect(in.readableBytes() >= 2, "tower of %d bytes has no floor count", octets.length);
        int count = in.readUnsignedShortLE();
        RpcDecodeException.expect(count >= 3 && count <= MAX_FLOORS, "tower floor count %d is not 3-%d", count, MAX_FLOORS);
        List<byte[][]> raw = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            byte[] lhs = side(in, i, "left");
            RpcDecodeException.expect(lhs.length >= 1, "tower floor %d has an empty left-hand side", i);
            raw.add(new byte[][] {lhs, side(in, i, "right")});
        }
        RpcInterfaceId iface = syntaxFloor(raw.get(0), 1);
        RpcInterfaceId transfer = syntaxFloor(raw.get(1), 2);
        List<Floor> floors = new ArrayList<>(count - 2);
        for (byte[][] f : raw.subList(2, raw.size())) {
            byte[] lhs = f[0];
            byte[] data = new byte[lhs.length - 1];
            System.arraycopy(lhs, 1, data, 0, data.length);
            floors.add(new Floor(lhs[0] & 0xff, data, f[1]));
        }
        return new Tower(iface, transfer, floors);
    }

    private static byte[] side(ByteBuf in, int floor, String which) {
        RpcDecodeException.expect(in.readableBytes() >= 2, "tower floor %d: %s-hand length past the data", floor, which);
        int len = in.readUnsignedShortLE();
        RpcDecodeException.expect(in.readableBytes() >= len, "tower floor %d: %s-hand side of %d bytes, %d left",
                floor, which, len, in.readableBytes());
        byte[] out = new byte[len];
        in.readBytes(out);
        return out;
    }

    private static RpcInterfaceId syntaxFloor(byte[][] floor, int n) {
        byte[] lhs = floor[0];
        byte[] rhs = floor[1];
        RpcDecodeException.expect((lhs[0] & 0xff) == UUID_FLOOR && lhs.length == 19 && rhs.length >= 2,
                "tower floor %d is not a UUID floor (id 0x%02x, %d+%d bytes)", n, lhs[0] & 0xff, lhs.length, rhs.length);
        ByteBuf l = Unpooled.wrappedBuffer(lhs, 1, 18);
        UUID uuid = Uuids.read(l, true);
        int major = l.readUnsignedShortLE();
        int minor = (rhs[0] & 0xff) | (rhs[1] & 0xff) << 8;
        return new RpcInterfaceId(uuid, major, minor);
    }

    /** @return the protocol sequence named by floors 3 and up */
    public ProtocolSequence protocolSequence() {
        return ProtocolSequence.fromFloors(floors.stream().map(Floor::protocolId).toList());
    }

    /**
     * @param object the entry's object UUID
     * @param annotation the entry's annotation
     * @return the endpoint this tower describes
     */
    public RpcEndpoint toEndpoint(UUID object, String annotation) {
        String endpoint = floors.size() > 1 ? value(floors.get(1)) : "";
        String address = floors.size() > 2 ? value(floors.get(2)) : "";
        return new RpcEndpoint(object, interfaceId, annotation, protocolSequence(), address, endpoint);
    }

    /** Reads a floor's address data as its protocol defines it; unknown protocols show hex. */
    private static String value(Floor f) {
        byte[] r = f.rhs;
        switch (f.protocolId) {
            case 0x07, 0x08, 0x1f:
                RpcDecodeException.expect(r.length == 2, "port floor 0x%02x has %d bytes, not 2", f.protocolId, r.length);
                return Integer.toString((r[0] & 0xff) << 8 | (r[1] & 0xff));
            case 0x09:
                RpcDecodeException.expect(r.length == 4, "IPv4 floor has %d bytes, not 4", r.length);
                try {
                    return InetAddress.getByAddress(r).getHostAddress();
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            case 0x0f, 0x10, 0x11, 0x12:
                return text(r);
            default:
                return ByteBufUtil.hexDump(r);
        }
    }

    /** A NUL-terminated string; control characters become {@code ?} so that a peer cannot steer a terminal. */
    static String text(byte[] r) {
        int end = 0;
        while (end < r.length && r[end] != 0) {
            end++;
        }
        StringBuilder sb = new StringBuilder(end);
        for (char c : new String(r, 0, end, StandardCharsets.ISO_8859_1).toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    /** @return the tower octet string */
    public byte[] encode() {
        ByteBuf out = Unpooled.buffer(64);
        try {
            out.writeShortLE(floors.size() + 2);
            writeSyntax(out, interfaceId);
            writeSyntax(out, transferSyntax);
            for (Floor f : floors) {
                out.writeShortLE(1 + f.lhsData.length).writeByte(f.protocolId).writeBytes(f.lhsData);
                out.writeShortLE(f.rhs.length).writeBytes(f.rhs);
            }
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static void writeSyntax(ByteBuf out, RpcInterfaceId id) {
        out.writeShortLE(19).writeByte(UUID_FLOOR);
        Uuids.write(out, id.uuid());
        out.writeShortLE(id.majorVersion());
        out.writeShortLE(2).writeShortLE(id.minorVersion());
    }

    /**
     * The tower of an endpoint, the inverse of {@link #toEndpoint}: used to ask {@code ept_map}
     * for a protocol (endpoint and address left empty) and by test servers.
     *
     * @param e the endpoint; its sequence must be known
     * @return the tower
     */
    public static Tower of(RpcEndpoint e) {
        List<Floor> floors = new ArrayList<>();
        ProtocolSequence p = e.protocolSequence();
        if (p.equals(ProtocolSequence.NCACN_IP_TCP) || p.equals(ProtocolSequence.NCACN_HTTP)) {
            floors.add(Floor.of(0x0b, new byte[2]));
            floors.add(Floor.of(p.equals(ProtocolSequence.NCACN_HTTP) ? 0x1f : 0x07, port(e.endpoint())));
            floors.add(Floor.of(0x09, ipv4(e.networkAddress())));
        } else if (p.equals(ProtocolSequence.NCADG_IP_UDP)) {
            floors.add(Floor.of(0x0a, new byte[2]));
            floors.add(Floor.of(0x08, port(e.endpoint())));
            floors.add(Floor.of(0x09, ipv4(e.networkAddress())));
        } else if (p.equals(ProtocolSequence.NCACN_NP)) {
            floors.add(Floor.of(0x0b, new byte[2]));
            floors.add(Floor.of(0x0f, cString(e.endpoint())));
            floors.add(Floor.of(0x11, cString(e.networkAddress())));
        } else if (p.equals(ProtocolSequence.NCALRPC)) {
            floors.add(Floor.of(0x0c, new byte[2]));
            floors.add(Floor.of(0x10, cString(e.endpoint())));
        } else {
            throw new IllegalArgumentException("protocol sequence must be a known one, was " + p);
        }
        return new Tower(e.interfaceId(), RpcInterfaceId.NDR, floors);
    }

    private static byte[] port(String endpoint) {
        int p = endpoint.isEmpty() ? 0 : Integer.parseInt(endpoint);
        return new byte[] {(byte) (p >>> 8), (byte) p};
    }

    private static byte[] ipv4(String address) {
        if (address.isEmpty()) {
            return new byte[4];
        }
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("network address must be an IPv4 literal, was " + address);
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "Tower[" + interfaceId + ", " + transferSyntax + ", " + floors + "]";
    }
}
