package dev.portqry.protocols.ldap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Turns attribute values (OCTET STRINGs, RFC 4511 section 4.1.5) into printable text. */
public final class LdapValues {
    private LdapValues() {
    }

    /**
     * @param value the raw value, not null
     * @return the value as text when it is valid UTF-8 without control characters, else
     *         {@code 0x} followed by lower-case hex (binary values such as GUIDs and SIDs)
     */
    public static String render(byte[] value) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
            if (s.chars().noneMatch(Character::isISOControl)) {
                return s;
            }
        } catch (CharacterCodingException e) {
            // Not text: fall through to hex.
        }
        return "0x" + HexFormat.of().formatHex(value);
    }
}
