package dev.portqry.core.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The channel classes that go with an event loop group: epoll on Linux when its native
 * library loads, NIO elsewhere.
 *
 * @param name {@code epoll} or {@code nio}
 * @param socketChannel the TCP channel class
 * @param datagramChannel the UDP channel class
 */
public record Transport(String name, Class<? extends SocketChannel> socketChannel,
                        Class<? extends DatagramChannel> datagramChannel) {

    private static final Transport EPOLL = new Transport("epoll", EpollSocketChannel.class, EpollDatagramChannel.class);
    private static final Transport NIO = new Transport("nio", NioSocketChannel.class, NioDatagramChannel.class);

    /** @return epoll when available (and not disabled with {@code -Dportqry.transport=nio}), else NIO */
    public static Transport preferred() {
        return !"nio".equals(System.getProperty("portqry.transport")) && Epoll.isAvailable() ? EPOLL : NIO;
    }

    /**
     * @param group a borrowed group
     * @return the transport whose channels can register with it
     * @throws IllegalArgumentException when the group is neither epoll nor NIO
     */
    public static Transport of(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io) {
            if (Epoll.isAvailable() && io.isIoType(EpollIoHandler.class)) {
                return EPOLL;
            }
            if (io.isIoType(NioIoHandler.class)) {
                return NIO;
            }
        }
        throw new IllegalArgumentException("eventLoopGroup must be an epoll or NIO MultiThreadIoEventLoopGroup, was "
                + group.getClass().getName());
    }

    /**
     * @param threads event loop threads, 0 for Netty's default
     * @return a new group of this transport, owned by the caller
     */
    public EventLoopGroup newGroup(int threads) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new io.netty.util.concurrent.DefaultThreadFactory("portqry", true), factory);
    }
}
