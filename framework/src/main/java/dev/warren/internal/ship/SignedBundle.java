package dev.warren.internal.ship;

/**
 * A bundle as it travels and sits in the cache: its claimed hash, the signature over it, and its
 * encoded bytes. Nothing in it is trusted until {@link BundleSeal#open} has checked it.
 *
 * @param hash the hex SHA-256 it is sent under
 * @param keyId the code-signing key id, or null when unsigned
 * @param signature the HMAC, or null when unsigned
 * @param bytes the {@link BundleFormat} encoding
 */
public record SignedBundle(String hash, String keyId, byte[] signature, byte[] bytes) {}
