package dev.portqry.protocols.health;

import dev.portqry.core.PortProbe;
import dev.portqry.core.PortState;
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
import dev.portqry.protocols.smb.SmbResult;
import dev.portqry.protocols.tls.TlsResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The ready-made {@link Expectation}s, and their one-token form for {@link HealthConfig} files:
 * {@code ldap-attribute=NAME}, {@code ldap-value=NAME=VALUE}, {@code rpc-reachable=INTERFACE},
 * {@code kerberos-realm=REALM}, {@code kerberos-skew=SECONDS}, {@code cert-days-left=N},
 * {@code smb-signing=required}.
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
     * The LDAP rootDSE has an attribute with a given value among its values (compared ignoring
     * case, as LDAP compares most rootDSE attributes), e.g. {@code domainControllerFunctionality=7}
     * or {@code isGlobalCatalogReady=TRUE}.
     *
     * @param attribute the attribute's name, any case; not blank
     * @param value the value one of its values must equal, ignoring case; not blank
     * @return the expectation
     */
    public static Expectation ldapAttributeEquals(String attribute, String value) {
        requireText(attribute, "attribute");
        String wanted = requireText(value, "value");
        return new Typed<>("LDAP " + attribute + "=" + wanted, "ldap", RootDseResult.class, dse -> {
            List<String> values = dse.values(attribute);
            return values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted)) ? Verdict.met(attribute + "=" + wanted)
                    : Verdict.failed(values.isEmpty() ? "rootDSE has no " + attribute
                            : attribute + " is " + String.join(", ", values));
        });
    }

    /**
     * The KDC's clock is within {@code max} of this machine's: Kerberos refuses tickets past the
     * realm's skew (5 minutes by default), so a check with a tighter bound warns first. Forces the
     * Kerberos responder, whose AS-REQ without pre-authentication draws the KDC's time.
     *
     * @param max the largest skew accepted, 1 s to 1 day
     * @return the expectation
     */
    public static Expectation kerberosClockSkewWithin(Duration max) {
        if (max == null || max.compareTo(Duration.ofSeconds(1)) < 0 || max.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("max clock skew must be 1 s to 1 day, was " + max);
        }
        return new Typed<>("Kerberos clock skew within " + max.toSeconds() + " s", "kerberos", KerberosResult.class,
                r -> r.clockSkew().map(skew -> new Verdict(skew.abs().compareTo(max) <= 0,
                        "clock skew " + skew.toMillis() / 1000.0 + " s")).orElse(Verdict.failed("no server time: "
                        + r.summary())));
    }

    /**
     * The SMB server requires message signing (SMB2 or SMB1 security mode), as domain controllers
     * do by default: a DC that stopped requiring it is a finding.
     *
     * @return the expectation
     */
    public static Expectation smbSigningRequired() {
        return new Typed<>("SMB signing required", "smb", SmbResult.class, r -> {
            if (r.negotiate().isPresent()) {
                boolean required = r.negotiate().get().signingRequired();
                return new Verdict(required, "SMB2 " + r.dialect().map(Object::toString).orElse("negotiate")
                        + (required ? " requires signing" : " does not require signing"));
            }
            return r.smb1().map(n -> new Verdict(n.signingRequired(),
                    "SMB1 " + (n.signingRequired() ? "requires signing" : "does not require signing")))
                    .orElse(Verdict.failed("no SMB negotiate response"));
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
                    boolean reachable = statuses.stream().anyMatch(s -> s.state() == PortState.LISTENING);
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
     * @throws IllegalArgumentException naming the token when it is not one of the forms above
     */
    public static Expectation parse(String token) {
        int eq = token.indexOf('=');
        String key = eq < 0 ? token : token.substring(0, eq);
        String value = eq < 0 ? "" : token.substring(eq + 1);
        switch (key.toLowerCase(Locale.ROOT)) {
            case "ldap-attribute":
                return ldapAttributePresent(value);
            case "ldap-value": {
                int eq2 = value.indexOf('=');
                if (eq2 < 1) {
                    throw new IllegalArgumentException("ldap-value needs NAME=VALUE, was " + token);
                }
                return ldapAttributeEquals(value.substring(0, eq2), value.substring(eq2 + 1));
            }
            case "kerberos-skew":
                return kerberosClockSkewWithin(Duration.ofSeconds(number(key, value)));
            case "smb-signing":
                if (!value.equalsIgnoreCase("required")) {
                    throw new IllegalArgumentException("smb-signing must be smb-signing=required, was " + token);
                }
                return smbSigningRequired();
            case "rpc-reachable":
                return rpcInterfaceReachable(value);
            case "kerberos-realm":
                return kerberosRealm(value);
            case "cert-days-left":
                return certificateDaysLeftAbove(number(key, value));
            default:
                throw new IllegalArgumentException("expectation must be ldap-attribute=, ldap-value=, rpc-reachable=, "
                        + "kerberos-realm=, kerberos-skew=, cert-days-left= or smb-signing=, was " + token);
        }
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + value, e);
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
