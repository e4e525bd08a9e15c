package dev.warren.internal.codec;

/**
 * Turns registered objects into bytes and back. Thread-safe. Implementations refuse types that were
 * not registered, on both sides, with a {@link CodecException} naming the type or id.
 *
 * <pre>{@code
 * Codec codec = KryoCodec.of(Map.of(SumPrimes.class, 100));   // or admit(...) with derived ids
 * byte[] bytes = codec.encode(new SumPrimes(1_000_000));
 * Object back = codec.decode(bytes);
 * }</pre>
 */
public interface Codec {
    byte[] encode(Object value);

    Object decode(byte[] bytes);
}
