package dev.portqry.protocols.ike.internal;

import dev.portqry.protocols.ike.IkeExchangeType;
import dev.portqry.protocols.ike.IkeProposal;
import dev.portqry.protocols.ike.IkeTransform;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Builds the IKE_SA_INIT request this client sends (RFC 7296 section 1.2: HDR, SAi1, KEi, Ni):
 * three proposals a wide range of responders accept, a MODP-2048 public value, a 32-byte nonce.
 * The exchange never goes further, so the public value is random rather than derived from a
 * private key: it only has to be well formed (256 bytes, between 1 and p - 1).
 */
public final class IkeSaInitRequest {
    /** The Diffie-Hellman group of the KE payload: 2048-bit MODP (RFC 3526 section 3). */
    public static final int KE_GROUP = 14;
    private static final int MODP_2048_BYTES = 256;
    private static final int NONCE_BYTES = 32;

    /** AES-CBC-128 / HMAC-SHA1 / MODP-2048: what older gateways (Windows RRAS, many appliances) accept. */
    private static final IkeProposal CLASSIC = new IkeProposal(1, 1, 0, List.of(IkeTransform.aesCbc(128),
            IkeTransform.of(IkeTransform.PRF, 2), IkeTransform.of(IkeTransform.INTEG, 2), IkeTransform.of(IkeTransform.DH, KE_GROUP)));
    /** AES-CBC-256 / SHA2-256 with MODP-2048 or ECP-256. */
    private static final IkeProposal MODERN = new IkeProposal(2, 1, 0, List.of(IkeTransform.aesCbc(256),
            IkeTransform.of(IkeTransform.PRF, 5), IkeTransform.of(IkeTransform.INTEG, 12), IkeTransform.of(IkeTransform.DH, KE_GROUP),
            IkeTransform.of(IkeTransform.DH, 19)));
    /** AES-GCM-16-128 (AEAD, so no integrity transform: RFC 5282) / SHA2-256, with a MODP-1024 fallback. */
    private static final IkeProposal AEAD = new IkeProposal(3, 1, 0, List.of(new IkeTransform(IkeTransform.ENCR, 20, OptionalInt.of(128)),
            IkeTransform.of(IkeTransform.PRF, 5), IkeTransform.of(IkeTransform.DH, KE_GROUP), IkeTransform.of(IkeTransform.DH, 19),
            IkeTransform.of(IkeTransform.DH, 2)));

    private IkeSaInitRequest() {
    }

    /** @return the proposals offered, in order */
    public static List<IkeProposal> proposals() {
        return List.of(CLASSIC, MODERN, AEAD);
    }

    /**
     * @param initiatorSpi our SPI, not 0
     * @param random the source of the public value and the nonce, not null
     * @return the request, message ID 0, flag I set
     */
    public static IkeMessage build(long initiatorSpi, Random random) {
        if (initiatorSpi == 0) {
            throw new IllegalArgumentException("initiatorSpi must not be 0");
        }
        byte[] publicValue = new byte[MODP_2048_BYTES];
        random.nextBytes(publicValue);
        // Keep it in (1, p - 1): p starts with 0xFFFFFFFF, a first byte of 0x01-0x7f is safely inside.
        publicValue[0] = (byte) (1 + (publicValue[0] & 0x7e));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        IkeHeader header = new IkeHeader(initiatorSpi, 0, 0, 2, 0, IkeExchangeType.IKE_SA_INIT, IkeHeader.INITIATOR, 0, 0);
        return new IkeMessage(header, List.of(new IkeSaPayload(proposals()), new IkeKePayload(KE_GROUP, publicValue),
                new IkeNoncePayload(nonce)));
    }
}
