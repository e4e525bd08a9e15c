package dev.warren;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HMAC-SHA256 secret with the id that travels in each message's {@code x-warren-key} header.
 * The secret must be at least 32 bytes; {@code toString()} never shows it.
 *
 * <pre>{@code
 * SigningKeys keys = SigningKeys.of("k2", Base64.getDecoder().decode(System.getenv("WARREN_SECRET")));
 * }</pre>
 */
final class SigningKey {
    /** The shortest secret accepted: the output size of SHA-256. */
    static final int MIN_SECRET_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String id;
    private final byte[] secret;

    private SigningKey(String id, byte[] secret) {
        this.id = id;
        this.secret = secret;
    }

    /** Whether {@code id} may name a key: 1-64 letters, digits, '.', '_' or '-'. */
    static boolean isValidId(String id) {
        return id != null && KEY_ID.matcher(id).matches();
    }

    static SigningKey of(String id, byte[] secret) {
        if (!isValidId(id)) {
            throw new ConfigurationException(
                    "signing key id must be 1-64 letters, digits, '.', '_' or '-', was: " + id);
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new ConfigurationException(
                    "signing key '"
                            + id
                            + "' is "
                            + secret.length
                            + " bytes; it must be at least "
                            + MIN_SECRET_BYTES
                            + " (generate one with: warren-worker keygen)");
        }
        return new SigningKey(id, secret.clone());
    }

    String id() {
        return id;
    }

    /** A copy of the secret bytes. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey other
                && id.equals(other.id)
                && MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + ", " + secret.length + " bytes]";
    }
}
