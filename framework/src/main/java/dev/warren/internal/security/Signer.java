package dev.warren.internal.security;

/**
 * Signs outgoing messages and verifies incoming ones. Thread-safe.
 *
 * <pre>{@code
 * Signer signer = HmacSigner.of(SigningKeys.fromEnvironment());
 * Signature s = signer.sign(content);
 * signer.verify(content, s.keyId(), s.bytes());   // throws InvalidSignatureException
 * }</pre>
 */
public interface Signer {
    Signature sign(SignedContent content);

    /**
     * Returns normally when {@code signature} was made over {@code content} by the key {@code
     * keyId}; otherwise throws {@link InvalidSignatureException} saying which check failed.
     */
    void verify(SignedContent content, String keyId, byte[] signature);
}
