package dev.portqry.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portqry.protocols.ber.BerLimits;
import dev.portqry.protocols.ber.BerReader;
import dev.portqry.protocols.ber.BerTag;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/**
 * The strict BER reader under the fuzzer, seeded with every LDAP capture: a generic walk reads
 * every element with the reader that fits its tag, descending into constructed ones.
 */
class BerFuzzTest {

    @Test
    void everyElementOfEveryMutantIsReadOrRejected() {
        FuzzReport r = DecoderFuzz.of("BER", Seeds.golden("ldap")).messages(BerFuzzTest::walkAll);
        assertThat(r.typed()).isPositive();
        assertThat(r.decodeErrors()).isPositive();
    }

    @Test
    void framingAStreamReadsOnlyHeaders() {
        DecoderFuzz.of("BER framing", Seeds.golden("ldap"))
                .messages(in -> BerReader.elementLength(in, "BER", BerLimits.DEFAULT));
    }

    /** @return how many elements the input holds */
    static Object walkAll(ByteBuf in) {
        return walk(BerReader.of(in, "BER"));
    }

    private static int walk(BerReader r) {
        int n = 0;
        while (r.hasRemaining()) {
            BerTag tag = r.peekTag();
            n++;
            if (tag.constructed()) {
                n += walk(r.readConstructed(tag));
            } else if (tag.equals(BerTag.INTEGER) || tag.equals(BerTag.ENUMERATED)) {
                r.readBigInteger(tag);
            } else if (tag.equals(BerTag.OBJECT_IDENTIFIER)) {
                r.readOid();
            } else if (tag.equals(BerTag.BOOLEAN)) {
                r.readBoolean();
            } else if (tag.equals(BerTag.NULL)) {
                r.readNull();
            } else if (tag.equals(BerTag.OCTET_STRING)) {
                r.readUtf8();
            } else {
                r.skip();
            }
        }
        r.expectEnd("walk");
        return n;
    }
}
