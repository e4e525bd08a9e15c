package dev.warren.sync;

import dev.warren.SigningKeys;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.wire.MessageSealer;
import java.util.Arrays;
import java.util.Map;

/** Sealers as a coordinator builds them (with the map's wire records), without a broker. */
final class TestSealers {
    private static final int MAX_BODY = 1 << 20;

    private TestSealers() {}

    /** Processes sharing {@code secret} accept each other's messages. */
    static MessageSealer withSecret(int secret) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) secret);
        return new MessageSealer(
                KryoCodec.of(MapWire.types(), Map.of(), MAX_BODY),
                HmacSigner.of(SigningKeys.of("k1", key)),
                MAX_BODY);
    }
}
