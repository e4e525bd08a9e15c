package dev.warren.internal.transport;

import dev.warren.internal.wire.Headers;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** Whether two copies of a bundle carry the same signature: the same key id and the same bytes. */
final class BundleSignatures {
    private BundleSignatures() {}

    /**
     * {@code found}: the headers of a copy read from the broker, where a key id comes back as the
     * client library's long string; {@code ours}: the headers a producer is about to publish.
     */
    static boolean same(Map<String, Object> found, Map<String, Object> ours) {
        return Objects.equals(text(found.get(Headers.KEY_ID)), text(ours.get(Headers.KEY_ID)))
                && found.get(Headers.SIGNATURE) instanceof byte[] a
                && ours.get(Headers.SIGNATURE) instanceof byte[] b
                && Arrays.equals(a, b);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
