package dev.warren.internal.security;

import dev.warren.SigningKeys;
import dev.warren.WarrenException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over the canonical form of a {@link SignedContent}, prefixed by the key id. Signs
 * with the first of its keys, verifies with whichever key the message names, compares in constant
 * time, and keeps one {@link Mac} per key and thread.
 *
 * <pre>{@code
 * Signer signer = HmacSigner.of(SigningKeys.of("k1", secret));
 * }</pre>
 */
public final class HmacSigner implements Signer {
    private static final String ALGORITHM = "HmacSHA256";

    private final SigningKeys keys;
    private final Map<String, ThreadLocal<Mac>> macs = new HashMap<>();

    private HmacSigner(SigningKeys keys) {
        this.keys = keys;
        for (String id : keys.ids()) {
            SecretKeySpec spec = new SecretKeySpec(keys.secret(id).orElseThrow(), ALGORITHM);
            macs.put(id, ThreadLocal.withInitial(() -> newMac(spec)));
        }
    }

    public static HmacSigner of(SigningKeys keys) {
        return new HmacSigner(keys);
    }

    @Override
    public Signature sign(SignedContent content) {
        String keyId = keys.signingKeyId();
        return new Signature(keyId, compute(keyId, content));
    }

    @Override
    public void verify(SignedContent content, String keyId, byte[] signature) {
        if (keyId == null || signature == null) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Problem.MISSING_SIGNATURE,
                    "message " + content.messageId() + " carries no signature or key id");
        }
        if (!macs.containsKey(keyId)) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Problem.UNKNOWN_KEY,
                    "message "
                            + content.messageId()
                            + " is signed with unknown key id '"
                            + keyId
                            + "'");
        }
        if (!MessageDigest.isEqual(compute(keyId, content), signature)) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Problem.BAD_SIGNATURE,
                    "message "
                            + content.messageId()
                            + " does not match its signature (key '"
                            + keyId
                            + "'): tampered, or signed with a different secret");
        }
    }

    private byte[] compute(String keyId, SignedContent c) {
        Mac mac = macs.get(keyId).get();
        ByteBuffer fixed = ByteBuffer.allocate(4 + 8 + 4 + 4);
        update(mac, keyId);
        fixed.putInt(c.version())
                .putLong(c.timestamp())
                .putInt(c.attempt())
                .putInt(c.body().length);
        mac.update(fixed.array());
        update(mac, c.messageId());
        update(mac, c.type());
        update(mac, c.replyTo());
        update(mac, c.destination());
        update(mac, c.purpose());
        mac.update(c.body());
        return mac.doFinal();
    }

    /** Length-prefixed; null is written as length -1 so it differs from the empty string. */
    private static void update(Mac mac, String value) {
        if (value == null) {
            mac.update(new byte[] {-1, -1, -1, -1});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(bytes);
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new WarrenException("this JVM cannot compute " + ALGORITHM, e);
        }
    }
}
