package dev.warren.internal.ship;

/**
 * A bundle whose size, hash and signature checked out: the only thing a {@link BundleClassLoader}
 * is made from, and only {@link BundleSeal#open} makes one. It keeps the signed form it came in, so
 * a worker can put the very same bytes on the broker again.
 */
public final class VerifiedBundle {
    private final SignedBundle signed;
    private final Bundle bundle;

    VerifiedBundle(SignedBundle signed, Bundle bundle) {
        this.signed = signed;
        this.bundle = bundle;
    }

    public String hash() {
        return signed.hash();
    }

    public Bundle bundle() {
        return bundle;
    }

    public SignedBundle signed() {
        return signed;
    }
}
