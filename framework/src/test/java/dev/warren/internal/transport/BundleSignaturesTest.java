package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.LongString;
import com.rabbitmq.client.impl.LongStringHelper;
import dev.warren.internal.wire.Headers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleSignaturesTest {
    private static final Map<String, Object> OURS =
            Map.of(Headers.KEY_ID, "k2", Headers.SIGNATURE, new byte[] {1, 2, 3});

    private static Map<String, Object> read(String keyId, byte[] signature) {
        LongString asRead = LongStringHelper.asLongString(keyId);
        return Map.of(Headers.KEY_ID, asRead, Headers.SIGNATURE, signature);
    }

    @Test
    void theSameKeyAndSignatureAsReadFromTheBrokerAreTheSame() {
        assertThat(BundleSignatures.same(read("k2", new byte[] {1, 2, 3}), OURS)).isTrue();
    }

    @Test
    void anotherKeyIsAnotherSignature() {
        assertThat(BundleSignatures.same(read("k1", new byte[] {1, 2, 3}), OURS)).isFalse();
    }

    @Test
    void otherSignatureBytesAreAnotherSignature() {
        assertThat(BundleSignatures.same(read("k2", new byte[] {9, 9, 9}), OURS)).isFalse();
    }

    @Test
    void aCopyWithoutSignatureHeadersIsNotOurs() {
        assertThat(BundleSignatures.same(Map.of(), OURS)).isFalse();
    }
}
