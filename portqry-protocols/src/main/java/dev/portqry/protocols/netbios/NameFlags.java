package dev.portqry.protocols.netbios;

import java.util.ArrayList;
import java.util.List;

/**
 * NAME_FLAGS of a node status entry (RFC 1002 4.2.18): G (group), ONT (owner node type),
 * DRG, CNF, ACT, PRM. An open value: every 16-bit value is accepted, reserved bits are kept.
 *
 * @param value the raw 16-bit field
 */
public record NameFlags(int value) {
    private static final int GROUP = 0x8000;
    private static final int ONT_SHIFT = 13;
    private static final int DEREGISTER = 0x1000;
    private static final int CONFLICT = 0x0800;
    private static final int ACTIVE = 0x0400;
    private static final int PERMANENT = 0x0200;

    /** Keeps the low 16 bits. */
    public NameFlags {
        value &= 0xffff;
    }

    /** @return whether the name is a group name (else unique) */
    public boolean group() {
        return (value & GROUP) != 0;
    }

    /** @return the owner node type: {@code B}, {@code P}, {@code M} or {@code H} (RFC 1002 4.2.18; H from RFC 1001's extensions) */
    public char ownerNodeType() {
        return "BPMH".charAt((value >> ONT_SHIFT) & 0x3);
    }

    /** @return DRG: the name is being deregistered */
    public boolean deregistering() {
        return (value & DEREGISTER) != 0;
    }

    /** @return CNF: the name is in conflict */
    public boolean conflict() {
        return (value & CONFLICT) != 0;
    }

    /** @return ACT: the name is active (always set in a reply) */
    public boolean active() {
        return (value & ACTIVE) != 0;
    }

    /** @return PRM: the permanent node name */
    public boolean permanent() {
        return (value & PERMANENT) != 0;
    }

    /** @return e.g. {@code GROUP M-node ACTIVE PERMANENT} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(group() ? "GROUP" : "UNIQUE");
        parts.add(ownerNodeType() + "-node");
        if (active()) {
            parts.add("ACTIVE");
        }
        if (permanent()) {
            parts.add("PERMANENT");
        }
        if (conflict()) {
            parts.add("CONFLICT");
        }
        if (deregistering()) {
            parts.add("DEREGISTER");
        }
        return String.join(" ", parts);
    }
}
