package dev.warren.internal.ship;

import dev.warren.internal.security.InvalidSignatureException;
import dev.warren.internal.security.SignedContent;
import dev.warren.internal.security.Signer;

/**
 * Signs bundles with the code-signing keys, and opens them in the only safe order: size limit, hash
 * recomputed, signature (constant time), and only then decoding. The signature covers the hash and
 * the bytes, bound to the bundle's broker address, under the same HMAC as every Warren message.
 *
 * <pre>{@code
 * BundleSeal seal = new BundleSeal(HmacSigner.of(codeKeys), 8 << 20);
 * SignedBundle sent = seal.seal(bundle);
 * VerifiedBundle checked = seal.open(sent);   // throws BundleRejectedException naming the failed check
 * }</pre>
 */
public final class BundleSeal {
    static final String TYPE = "warren.bundle";
    static final String PURPOSE = "bundle";

    private final Signer signer;
    private final int maxBytes;

    public BundleSeal(Signer signer, int maxBytes) {
        this.signer = signer;
        this.maxBytes = maxBytes;
    }

    /** The broker address of the bundle with this hash. */
    public static String address(String hash) {
        return "warren.bundle." + hash;
    }

    public SignedBundle seal(Bundle bundle) {
        byte[] bytes = bundle.encoded();
        if (bytes.length > maxBytes) {
            throw new BundleRejectedException(
                    BundleRejectedException.Problem.OVERSIZED,
                    "the code of "
                            + bundle.taskClass()
                            + " is "
                            + bytes.length
                            + " bytes, more than the bundle limit ("
                            + maxBytes
                            + "); ship fewer libraries, or put them on the workers' class path");
        }
        String hash = Bundle.hashOf(bytes);
        var signature = signer.sign(content(hash, bytes));
        return new SignedBundle(hash, signature.keyId(), signature.bytes(), bytes);
    }

    /**
     * @throws BundleRejectedException naming the first check that failed
     */
    public VerifiedBundle open(SignedBundle sent) {
        if (sent.bytes().length > maxBytes) {
            throw new BundleRejectedException(
                    BundleRejectedException.Problem.OVERSIZED,
                    "bundle "
                            + sent.hash()
                            + " is "
                            + sent.bytes().length
                            + " bytes, more than the bundle limit ("
                            + maxBytes
                            + ")");
        }
        String actual = Bundle.hashOf(sent.bytes());
        if (!actual.equals(sent.hash())) {
            throw new BundleRejectedException(
                    BundleRejectedException.Problem.HASH_MISMATCH,
                    "bundle " + sent.hash() + " hashes to " + actual + ": tampered or damaged");
        }
        try {
            signer.verify(content(sent.hash(), sent.bytes()), sent.keyId(), sent.signature());
        } catch (InvalidSignatureException e) {
            throw new BundleRejectedException(problem(e.problem()), "bundle: " + e.getMessage());
        }
        return new VerifiedBundle(sent, BundleFormat.decode(sent.bytes()));
    }

    private static BundleRejectedException.Problem problem(InvalidSignatureException.Problem p) {
        return switch (p) {
            case MISSING_SIGNATURE -> BundleRejectedException.Problem.MISSING_SIGNATURE;
            case UNKNOWN_KEY -> BundleRejectedException.Problem.UNKNOWN_KEY;
            case BAD_SIGNATURE -> BundleRejectedException.Problem.BAD_SIGNATURE;
        };
    }

    private static SignedContent content(String hash, byte[] bytes) {
        return new SignedContent(1, hash, TYPE, 0, null, 1, address(hash), PURPOSE, bytes);
    }
}
