package dev.portqry.protocols.ad;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsNameResolverTimeoutException;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds a domain's controllers the way Windows' DC locator does: SRV records
 * {@code _ldap._tcp.dc._msdcs.<domain>}, {@code _kerberos._tcp.<domain>} and
 * {@code _gc._tcp.<forest>} (or their {@code <site>._sites} forms), then each target's A and
 * AAAA records, all from one DNS server through Netty's DNS resolver. Thread-safe; close it
 * when done.
 *
 * <pre>{@code
 * try (DomainControllerLocator locator = DomainControllerLocator.builder()
 *         .dnsServer(new InetSocketAddress("127.0.0.1", 53)).build()) {
 *     DomainControllers dcs = locator.locate("corp.example.test").join();
 *     dcs.problem().ifPresent(p -> System.err.println(SafeText.escape(p)));
 * }
 * }</pre>
 *
 * <p>The future always completes normally, within about {@code 2 x attempts x timeout}: a
 * silent server, NXDOMAIN or an empty answer show in {@link DomainControllers#queries()}.
 */
public final class DomainControllerLocator implements AutoCloseable {
    /** Wait for one DNS answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Queries per question when the server stays silent. */
    public static final int DEFAULT_ATTEMPTS = 2;
    /** The most controllers whose addresses are looked up (a hostile server could list thousands). */
    public static final int DEFAULT_MAX_CONTROLLERS = 64;

    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*"
            + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");
    private static final String PROTOCOL = "DNS";

    private final InetSocketAddress server;
    private final Optional<String> site;
    private final Optional<String> forest;
    private final Duration timeout;
    private final int attempts;
    private final int maxControllers;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final DnsNameResolver resolver;

    private DomainControllerLocator(Builder b) {
        this.server = b.server != null ? b.server : SystemDnsServer.first().orElseThrow(() -> new IllegalStateException(
                "no nameserver in " + SystemDnsServer.RESOLV_CONF + ": set dnsServer"));
        this.site = b.site;
        this.forest = b.forest;
        this.timeout = b.timeout;
        this.attempts = b.attempts;
        this.maxControllers = b.maxControllers;
        this.ownsGroup = b.group == null;
        this.group = ownsGroup ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : b.group;
        this.resolver = new DnsNameResolverBuilder(group.next())
                .datagramChannelType(NioDatagramChannel.class)
                .socketChannelType(NioSocketChannel.class)
                .nameServerProvider(new SingletonDnsServerAddressStreamProvider(server))
                .resolveCache(NoopDnsCache.INSTANCE)
                .queryTimeoutMillis(timeout.toMillis())
                .recursionDesired(true)
                .build();
    }

    /** @return a builder: the system's DNS server, no site, forest = domain */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the DNS server asked */
    public InetSocketAddress dnsServer() {
        return server;
    }

    /**
     * The SRV names asked for a domain, in asking order.
     *
     * @param domain the DNS domain, e.g. {@code corp.example.test}
     * @param forest the forest root domain (usually the domain itself)
     * @param site the site, empty for the domain-wide records
     * @return the names and the role each announces
     */
    public static Map<String, DcRole> srvNames(String domain, String forest, Optional<String> site) {
        String s = site.map(v -> v + "._sites.").orElse("");
        Map<String, DcRole> out = new LinkedHashMap<>();
        out.put("_ldap._tcp." + s + "dc._msdcs." + domain, DcRole.LDAP);
        out.put("_kerberos._tcp." + s + domain, DcRole.KERBEROS);
        out.put("_gc._tcp." + s + forest, DcRole.GC);
        return out;
    }

    /**
     * Asks the SRV records, then the addresses of every controller they name.
     *
     * @param domain the DNS domain, e.g. {@code corp.example.test}; a trailing dot is ignored
     * @return the controllers found and every question's outcome; completes normally
     * @throws IllegalArgumentException when {@code domain} is not a DNS name
     */
    public CompletableFuture<DomainControllers> locate(String domain) {
        String d = checkName("domain", domain);
        String f = forest.orElse(d);
        Map<String, DcRole> names = srvNames(d, f, site);
        List<CompletableFuture<SrvQuery>> srv = new ArrayList<>();
        names.forEach((name, role) -> srv.add(ask(name, DnsRecordType.SRV, attempts).thenApply(a -> a.toSrvQuery(name, role))));
        return CompletableFuture.allOf(srv.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            List<SrvQuery> queries = srv.stream().map(CompletableFuture::join).toList();
            Map<String, Set<DcRole>> targets = new LinkedHashMap<>();
            Map<String, String> spelled = new LinkedHashMap<>();
            for (SrvQuery q : queries) {
                q.records().stream()
                        .sorted(Comparator.comparingInt(SrvRecord::priority).thenComparing(SrvRecord::weight, Comparator.reverseOrder()))
                        .forEach(r -> {
                            String key = r.target().toLowerCase(Locale.ROOT);
                            if (!key.isEmpty() && (targets.containsKey(key) || targets.size() < maxControllers)) {
                                targets.computeIfAbsent(key, k -> EnumSet.noneOf(DcRole.class)).add(q.role());
                                spelled.putIfAbsent(key, r.target());
                            }
                        });
            }
            List<CompletableFuture<DomainController>> dcs = new ArrayList<>();
            targets.forEach((key, roles) -> dcs.add(addresses(spelled.get(key), roles)));
            return CompletableFuture.allOf(dcs.toArray(CompletableFuture[]::new)).thenApply(w -> new DomainControllers(d, f, site,
                    server, queries, dcs.stream().map(CompletableFuture::join).toList()));
        });
    }

    private CompletableFuture<DomainController> addresses(String host, Set<DcRole> roles) {
        CompletableFuture<Answer> a = ask(host, DnsRecordType.A, attempts);
        CompletableFuture<Answer> aaaa = ask(host, DnsRecordType.AAAA, attempts);
        return a.thenCombine(aaaa, (x, y) -> {
            List<InetAddress> all = new ArrayList<>(x.addresses);
            all.addAll(y.addresses);
            String problem = all.isEmpty() ? "no address: A " + x.detail() + ", AAAA " + y.detail() : "";
            return new DomainController(host, roles, all, problem);
        });
    }

    private CompletableFuture<Answer> ask(String name, DnsRecordType type, int left) {
        CompletableFuture<Answer> out = new CompletableFuture<>();
        try {
            resolver.query(server, new DefaultDnsQuestion(name, type)).addListener(f -> {
                if (f.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    AddressedEnvelope<DnsResponse, InetSocketAddress> env = (AddressedEnvelope<DnsResponse, InetSocketAddress>) f.getNow();
                    try {
                        out.complete(Answer.of(env.content(), type));
                    } catch (RuntimeException e) {
                        out.complete(Answer.failed("unreadable answer: " + e.getMessage()));
                    } finally {
                        env.release();
                    }
                } else if (f.cause() instanceof DnsNameResolverTimeoutException) {
                    if (left > 1) {
                        ask(name, type, left - 1).whenComplete((a, e) -> out.complete(a));
                    } else {
                        out.complete(new Answer(SrvQuery.Outcome.NO_ANSWER, "no answer after " + attempts + " x "
                                + timeout.toMillis() + " ms", List.of(), List.of()));
                    }
                } else {
                    out.complete(Answer.failed(String.valueOf(f.cause().getMessage())));
                }
            });
        } catch (RuntimeException e) {
            out.complete(Answer.failed(String.valueOf(e.getMessage())));
        }
        return out;
    }

    /**
     * Checks a DNS name as {@link #locate} and the builder do.
     *
     * @param what the argument's name for the message, e.g. {@code domain}
     * @param name the name; surrounding blanks and one trailing dot are dropped
     * @return the name as used
     * @throws IllegalArgumentException naming {@code what} when it is not a DNS name
     */
    public static String checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        String n = name.trim();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (!DNS_NAME.matcher(n).matches()) {
            throw new IllegalArgumentException(what + " must be a DNS name such as corp.example.test, was '" + name + "'");
        }
        return n;
    }

    /** Stops the resolver and, when this locator created it, its event loop; waits up to 5 s. */
    @Override
    public void close() {
        resolver.close();
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** One decoded answer. */
    private record Answer(SrvQuery.Outcome outcome, String detail, List<SrvRecord> srv, List<InetAddress> addresses) {
        static Answer failed(String why) {
            return new Answer(SrvQuery.Outcome.FAILED, why, List.of(), List.of());
        }

        static Answer of(DnsResponse r, DnsRecordType type) {
            DnsResponseCode code = r.code();
            if (code.equals(DnsResponseCode.NXDOMAIN)) {
                return new Answer(SrvQuery.Outcome.NAME_ERROR, "NXDOMAIN (no such name)", List.of(), List.of());
            }
            if (!code.equals(DnsResponseCode.NOERROR)) {
                return new Answer(SrvQuery.Outcome.SERVER_ERROR, code.toString(), List.of(), List.of());
            }
            List<SrvRecord> srv = new ArrayList<>();
            List<InetAddress> addrs = new ArrayList<>();
            int n = Math.min(r.count(DnsSection.ANSWER), 1024);
            for (int i = 0; i < n; i++) {
                DnsRecord rec = r.recordAt(DnsSection.ANSWER, i);
                if (!(rec instanceof DnsRawRecord raw) || !rec.type().equals(type)) {
                    continue;
                }
                ByteBuf c = raw.content();
                int at = c.readerIndex();
                int len = c.readableBytes();
                if (type.equals(DnsRecordType.SRV) && len >= 7) {
                    String target = WireNames.read(c, 0, at + 6, c.capacity(), PROTOCOL).name();
                    srv.add(new SrvRecord(stripDot(rec.name()), c.getUnsignedShort(at), c.getUnsignedShort(at + 2),
                            c.getUnsignedShort(at + 4), target));
                } else if ((type.equals(DnsRecordType.A) && len == 4) || (type.equals(DnsRecordType.AAAA) && len == 16)) {
                    byte[] b = new byte[len];
                    c.getBytes(at, b);
                    try {
                        addrs.add(InetAddress.getByAddress(b));
                    } catch (UnknownHostException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            boolean none = type.equals(DnsRecordType.SRV) ? srv.isEmpty() : addrs.isEmpty();
            return new Answer(none ? SrvQuery.Outcome.NO_RECORDS : SrvQuery.Outcome.RECORDS,
                    none ? "NOERROR but no " + type.name() + " record" : "", srv, addrs);
        }

        SrvQuery toSrvQuery(String name, DcRole role) {
            return new SrvQuery(name, role, outcome, detail, srv);
        }
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Builds a {@link DomainControllerLocator}. */
    public static final class Builder {
        private InetSocketAddress server;
        private Optional<String> site = Optional.empty();
        private Optional<String> forest = Optional.empty();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int attempts = DEFAULT_ATTEMPTS;
        private int maxControllers = DEFAULT_MAX_CONTROLLERS;
        private EventLoopGroup group;

        private Builder() {
        }

        /**
         * @param server the DNS server to ask; default the first nameserver of /etc/resolv.conf
         * @return this builder
         */
        public Builder dnsServer(InetSocketAddress server) {
            Objects.requireNonNull(server, "dnsServer");
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("dnsServer must be an IP address, was " + server);
            }
            this.server = server;
            return this;
        }

        /**
         * @param site ask the site-specific records ({@code <site>._sites}) of this site; letters, digits, - and _
         * @return this builder
         */
        public Builder site(String site) {
            Objects.requireNonNull(site, "site");
            if (!SITE_NAME.matcher(site).matches()) {
                throw new IllegalArgumentException("site must be 1-63 letters, digits, - or _, was '" + site + "'");
            }
            this.site = Optional.of(site);
            return this;
        }

        /**
         * @param forest the forest root domain for {@code _gc._tcp}; default the domain itself
         * @return this builder
         */
        public Builder forest(String forest) {
            this.forest = Optional.of(checkName("forest", forest));
            return this;
        }

        /**
         * @param timeout wait for one answer, 10 ms to 60 s; default {@link #DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 10 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("timeout must be 10 ms to 60 s, was " + timeout.toMillis() + " ms");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param attempts queries per question while the server is silent, 1-5; default {@link #DEFAULT_ATTEMPTS}
         * @return this builder
         */
        public Builder attempts(int attempts) {
            if (attempts < 1 || attempts > 5) {
                throw new IllegalArgumentException("attempts must be 1-5, was " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /**
         * @param max the most controllers kept, 1-1024; default {@link #DEFAULT_MAX_CONTROLLERS}
         * @return this builder
         */
        public Builder maxControllers(int max) {
            if (max < 1 || max > 1024) {
                throw new IllegalArgumentException("maxControllers must be 1-1024, was " + max);
            }
            this.maxControllers = max;
            return this;
        }

        /**
         * @param group an NIO event loop group to borrow; default an own single-thread group
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Objects.requireNonNull(group, "eventLoopGroup");
            return this;
        }

        /**
         * @return a new locator
         * @throws IllegalStateException when no server is set and /etc/resolv.conf names none
         */
        public DomainControllerLocator build() {
            return new DomainControllerLocator(this);
        }
    }
}
