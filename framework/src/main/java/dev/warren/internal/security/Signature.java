package dev.warren.internal.security;

/**
 * A signature and the id of the key that made it; both travel as message headers.
 *
 * <pre>{@code
 * Signature s = signer.sign(content);
 * headers.put("x-warren-key", s.keyId());
 * }</pre>
 */
public record Signature(String keyId, byte[] bytes) {}
