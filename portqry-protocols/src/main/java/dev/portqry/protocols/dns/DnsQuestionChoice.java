package dev.portqry.protocols.dns;

import dev.portqry.core.spi.ConversationContext;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import java.util.Locale;

/**
 * Picks the question of the default query: one the server can answer without recursing past
 * itself (the brief's network rule, and what makes the probe harmless).
 */
final class DnsQuestionChoice {
    /** The root zone, answered from root hints (or refused) without any recursion. */
    static final String ROOT = ".";

    private DnsQuestionChoice() {
    }

    static DnsQuestion choose(ConversationContext ctx) {
        String name = ctx.setting(DnsResponder.QUERY_NAME).trim();
        if (name.isEmpty()) {
            name = ctx.targetName().map(String::trim).filter(n -> !n.isEmpty()).orElse(ROOT);
        }
        String typeText = ctx.setting(DnsResponder.QUERY_TYPE).trim();
        DnsRecordType type = typeText.isEmpty()
                ? (name.equals(ROOT) ? DnsRecordType.NS : DnsRecordType.A)
                : parseType(typeText);
        return new DefaultDnsQuestion(fullyQualified(name), type);
    }

    /**
     * @param text a mnemonic such as {@code SRV} (any case) or a number 0-65535
     * @return the type
     * @throws IllegalArgumentException naming the setting when neither
     */
    static DnsRecordType parseType(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            int code = Integer.parseInt(text);
            if (code > 0xffff) {
                throw new IllegalArgumentException("dns.type must be a record type or 0-65535, was " + text);
            }
            return DnsRecordType.valueOf(code);
        }
        try {
            return DnsRecordType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dns.type must be a record type or 0-65535, was " + text, e);
        }
    }

    /**
     * @param text a setting's value
     * @return whether it is blank or {@link #parseType(String)} takes it
     */
    static boolean isTypeOrEmpty(String text) {
        if (text.isBlank()) {
            return true;
        }
        try {
            parseType(text.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String fullyQualified(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
