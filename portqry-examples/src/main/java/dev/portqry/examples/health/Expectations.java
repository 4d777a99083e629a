package dev.portqry.examples.health;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortStatus;
import dev.portqry.core.ProbeOptions;
import dev.portqry.core.ResponderOutcome;
import dev.portqry.core.ResponderSelection;
import dev.portqry.protocols.kerberos.KerberosResponder;
import dev.portqry.protocols.kerberos.KerberosResult;
import dev.portqry.protocols.ldap.LdapResponder;
import dev.portqry.protocols.ldap.RootDseResult;
import dev.portqry.protocols.msrpc.DynamicPortCheck;
import dev.portqry.protocols.msrpc.EndpointMapper;
import dev.portqry.protocols.msrpc.EndpointMapResult;
import dev.portqry.protocols.msrpc.RpcInterfaceId;
import dev.portqry.protocols.msrpc.WellKnownInterfaces;
import dev.portqry.protocols.tls.TlsResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The ready-made {@link Expectation}s, and their one-token form for {@link HealthConfig} files:
 * {@code ldap-attribute=NAME}, {@code rpc-reachable=INTERFACE}, {@code kerberos-realm=REALM},
 * {@code cert-days-left=N}.
 */
public final class Expectations {
    private Expectations() {
    }

    /**
     * The LDAP rootDSE has at least one value of an attribute, e.g. {@code dnsHostName}. Forces
     * the LDAP responder, so it works on 389, 3268 and UDP 389 (CLDAP) alike.
     *
     * @param attribute the attribute's name, any case; not blank
     * @return the expectation
     */
    public static Expectation ldapAttributePresent(String attribute) {
        requireText(attribute, "attribute");
        return new Typed<>("LDAP " + attribute + " present", LdapResponder.NAME, RootDseResult.class, dse -> {
            List<String> values = dse.values(attribute);
            return values.isEmpty() ? Verdict.failed("rootDSE has no " + attribute)
                    : Verdict.met(attribute + "=" + values.get(0));
        });
    }

    /**
     * The endpoint mapper (the check's port, normally TCP 135) knows an RPC interface over
     * {@code ncacn_ip_tcp}, and the dynamic port it names accepts a connection: what
     * "The RPC server is unavailable" is about. The check's probe asks {@code ept_map}
     * (MS-RPCE 3.1.1.1, C706 appendix O); the dynamic ports are then probed on the address that
     * answered.
     *
     * @param interfaceName a well-known name such as {@code DRSUAPI}, or {@code uuid:major.minor}; not blank
     * @return the expectation
     * @throws IllegalArgumentException when the interface is not known
     */
    public static Expectation rpcInterfaceReachable(String interfaceName) {
        RpcInterfaceId id = WellKnownInterfaces.parse(requireText(interfaceName, "interfaceName"));
        return new Expectation() {
            @Override
            public String description() {
                return interfaceName + "'s dynamic port reachable";
            }

            @Override
            public ProbeOptions options(ProbeOptions base, HealthCheck check) {
                return EndpointMapper.mapOptions(base, id);
            }

            @Override
            public CompletableFuture<Verdict> evaluate(PortProbe probe, PortStatus status, ProbeOptions options) {
                List<Integer> ports = status.result(EndpointMapResult.class).map(EndpointMapResult::tcpPorts).orElse(null);
                if (ports == null) {
                    return CompletableFuture.completedFuture(Verdict.failed("no ept_map answer: " + outcome(status)));
                }
                if (ports.isEmpty()) {
                    return CompletableFuture.completedFuture(Verdict.failed(interfaceName + " not registered over ncacn_ip_tcp"));
                }
                return DynamicPortCheck.check(probe, status.address(), ports, options).thenApply(statuses -> {
                    List<String> lines = statuses.stream().map(s -> "TCP " + s.port() + " " + s.state().displayName()).toList();
                    boolean reachable = statuses.stream().anyMatch(s -> s.state().exitCode() == 0);
                    return new Verdict(reachable, interfaceName + " at " + String.join(", ", lines));
                });
            }

            @Override
            public String toString() {
                return description();
            }
        };
    }

    /**
     * A KDC answers an AS-REQ for the realm and does not refuse it (see
     * {@link KerberosResult#realmRefused()} for what that can and cannot prove).
     *
     * @param realm the realm, e.g. {@code CORP.EXAMPLE.TEST}; not blank
     * @return the expectation
     */
    public static Expectation kerberosRealm(String realm) {
        String upper = requireText(realm, "realm").toUpperCase(Locale.ROOT);
        return new Typed<>("Kerberos answers for " + upper, KerberosResponder.NAME, KerberosResult.class,
                r -> r.realmRefused() ? Verdict.failed("KDC refused realm " + upper + ": " + r.summary())
                        : Verdict.met(r.summary())) {
            @Override
            public ProbeOptions options(ProbeOptions base, HealthCheck check) {
                return super.options(base, check).toBuilder().set(KerberosResponder.REALM, upper).build();
            }
        };
    }

    /**
     * The server's TLS certificate expires more than {@code days} whole days from now. Forces
     * the {@code ldaps} responder on 636 and 3269 (so LDAP inside TLS is checked too) and the
     * plain {@code tls} one elsewhere.
     *
     * @param days the minimum days left, 0 or more
     * @return the expectation
     */
    public static Expectation certificateDaysLeftAbove(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more, was " + days);
        }
        return new Typed<>("certificate valid for more than " + days + " days", "tls", TlsResult.class,
                r -> r.daysLeft().map(left -> new Verdict(left > days, "certificate expires in " + left + " days"))
                        .orElse(Verdict.failed("no certificate"))) {
            @Override
            public ProbeOptions options(ProbeOptions base, HealthCheck check) {
                String responder = check.port() == 636 || check.port() == 3269 ? "ldaps" : "tls";
                return base.toBuilder().responder(ResponderSelection.forced(responder)).build();
            }
        };
    }

    /**
     * Parses the one-token form used in {@link HealthConfig} files.
     *
     * @param token e.g. {@code ldap-attribute=dnsHostName}, not null
     * @return the expectation
     * @throws IllegalArgumentException naming the token when it is not one of the four forms
     */
    public static Expectation parse(String token) {
        int eq = token.indexOf('=');
        String key = eq < 0 ? token : token.substring(0, eq);
        String value = eq < 0 ? "" : token.substring(eq + 1);
        switch (key.toLowerCase(Locale.ROOT)) {
            case "ldap-attribute":
                return ldapAttributePresent(value);
            case "rpc-reachable":
                return rpcInterfaceReachable(value);
            case "kerberos-realm":
                return kerberosRealm(value);
            case "cert-days-left":
                try {
                    return certificateDaysLeftAbove(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("cert-days-left must be a whole number of days, was " + value, e);
                }
            default:
                throw new IllegalArgumentException("expectation must be ldap-attribute=, rpc-reachable=, kerberos-realm= "
                        + "or cert-days-left=, was " + token);
        }
    }

    /** @return the responder outcome in words, or the probe's reason when no responder ran */
    static String outcome(PortStatus status) {
        return status.responder().map(o -> {
            if (o instanceof ResponderOutcome.Unparseable u) {
                return u.responder() + " reply unparseable: " + u.error();
            }
            if (o instanceof ResponderOutcome.NoReply n) {
                return n.reason();
            }
            return o.responder() + " answered " + ((ResponderOutcome.Answered) o).result().getClass().getSimpleName();
        }).orElse(status.reason());
    }

    private static String requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text.trim();
    }

    /** An expectation on one responder's typed result, forcing that responder. */
    private static class Typed<T extends dev.portqry.core.spi.ResponderResult> implements Expectation {
        private final String description;
        private final String responder;
        private final Class<T> type;
        private final Function<T, Verdict> judge;

        Typed(String description, String responder, Class<T> type, Function<T, Verdict> judge) {
            this.description = description;
            this.responder = responder;
            this.type = type;
            this.judge = Objects.requireNonNull(judge, "judge");
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public ProbeOptions options(ProbeOptions base, HealthCheck check) {
            return base.toBuilder().responder(ResponderSelection.forced(responder)).build();
        }

        @Override
        public CompletableFuture<Verdict> evaluate(PortProbe probe, PortStatus status, ProbeOptions options) {
            return CompletableFuture.completedFuture(status.result(type).map(judge)
                    .orElseGet(() -> Verdict.failed("no " + type.getSimpleName() + ": " + outcome(status))));
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
