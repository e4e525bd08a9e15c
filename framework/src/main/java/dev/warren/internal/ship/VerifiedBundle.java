package dev.warren.internal.ship;

/**
 * A bundle whose size, hash and signature checked out: the only thing a {@link BundleClassLoader}
 * is made from, and only {@link BundleSeal#open} makes one.
 */
public final class VerifiedBundle {
    private final String hash;
    private final Bundle bundle;

    VerifiedBundle(String hash, Bundle bundle) {
        this.hash = hash;
        this.bundle = bundle;
    }

    public String hash() {
        return hash;
    }

    public Bundle bundle() {
        return bundle;
    }
}
