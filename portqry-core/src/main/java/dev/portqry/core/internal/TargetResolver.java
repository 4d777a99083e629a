package dev.portqry.core.internal;

import dev.portqry.core.IpPreference;
import dev.portqry.core.ResolvedTarget;
import dev.portqry.core.UnresolvedTargetException;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves names with the operating system's resolver (hosts file, DNS, and whatever else it
 * is configured with) on a few threads of its own, so that no event loop ever blocks.
 */
public final class TargetResolver implements AutoCloseable {
    private final ExecutorService executor;

    /** @param threads most resolutions in flight at once */
    public TargetResolver(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "portqry-resolver-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * @param text an IP literal (IPv6 optionally in brackets) or a name
     * @return the address when {@code text} is an IP literal
     */
    public static Optional<InetAddress> parseLiteral(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (NetUtil.isValidIpV4Address(s) || NetUtil.isValidIpV6Address(s)) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
            if (bytes != null) {
                try {
                    return Optional.of(InetAddress.getByAddress(bytes));
                } catch (UnknownHostException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param query a name or IP literal, not blank
     * @param preference which addresses to keep
     * @param reverse whether to resolve an IP literal back to a name
     * @return the target; fails with {@link UnresolvedTargetException} when nothing usable resolves
     */
    public CompletableFuture<ResolvedTarget> resolve(String query, IpPreference preference, boolean reverse) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("target must not be empty");
        }
        Optional<InetAddress> literal = parseLiteral(query);
        if (literal.isPresent()) {
            InetAddress a = literal.get();
            if (!preference.allows(a)) {
                return CompletableFuture.failedFuture(new UnresolvedTargetException(query,
                        query + " is not an address of the requested IP version (" + preference + ")", null));
            }
            if (!reverse) {
                return CompletableFuture.completedFuture(new ResolvedTarget(query, true, List.of(a), Optional.empty()));
            }
            return CompletableFuture.supplyAsync(() -> new ResolvedTarget(query, true, List.of(a), reverseName(a)), executor);
        }
        String name = query.trim();
        return CompletableFuture.supplyAsync(() -> {
            List<InetAddress> all;
            try {
                all = Arrays.asList(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                throw new UnresolvedTargetException(name, "Failed to resolve name to IP address: " + name, e);
            }
            List<InetAddress> kept = preference.apply(all);
            if (kept.isEmpty()) {
                throw new UnresolvedTargetException(name, name + " has no address of the requested IP version (" + preference + ")", null);
            }
            return new ResolvedTarget(name, false, kept, Optional.empty());
        }, executor);
    }

    private static Optional<String> reverseName(InetAddress a) {
        try {
            String host = InetAddress.getByAddress(a.getAddress()).getCanonicalHostName();
            return host.equals(a.getHostAddress()) || host.isEmpty() ? Optional.empty() : Optional.of(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
