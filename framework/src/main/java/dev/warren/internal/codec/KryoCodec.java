package dev.warren.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kryo codec: registration required, explicit ids, no Java serialization, a pool of Kryo
 * instances and output buffers shared by all threads. Records are written component by component.
 *
 * <p>Ids below {@value #FIRST_USER_ID} belong to Warren (common JDK types and its wire records);
 * give your classes ids from {@value #FIRST_USER_ID} up, the same on every host.
 *
 * <pre>{@code
 * Codec codec = KryoCodec.of(Map.of(SumPrimes.class, 100, PrimeSum.class, 101));
 * }</pre>
 */
public final class KryoCodec implements Codec {
    /** The lowest id an application may register. */
    public static final int FIRST_USER_ID = 100;

    /** The lowest id of Warren's own wire records; ids below it are common JDK types. */
    public static final int FIRST_WARREN_WIRE_ID = 50;

    /**
     * How deeply values may nest. Reading is recursive, so without a bound a small signed body of
     * nested lists overflows the stack of the thread decoding it.
     */
    public static final int MAX_DEPTH = 256;

    private static final int INITIAL_BUFFER_BYTES = 512;

    private final Map<Class<?>, Integer> registrations;
    private final Pool<Kryo> kryos;
    private final Pool<Output> outputs;

    private KryoCodec(Map<Class<?>, Integer> registrations, int maxEncodedBytes) {
        this.registrations = Map.copyOf(registrations);
        this.kryos =
                new Pool<>(true, false, 64) {
                    @Override
                    protected Kryo create() {
                        return newKryo();
                    }
                };
        this.outputs =
                new Pool<>(true, false, 64) {
                    @Override
                    protected Output create() {
                        return new Output(INITIAL_BUFFER_BYTES, maxEncodedBytes);
                    }
                };
        newKryo(); // fail here, not on first use, if the registrations clash
    }

    /**
     * A codec for these classes. Ids must be unique and at least {@value #FIRST_USER_ID} unless the
     * class belongs to Warren itself.
     */
    public static KryoCodec of(Map<Class<?>, Integer> registrations) {
        return of(registrations, Integer.MAX_VALUE - 8);
    }

    /** As {@link #of(Map)}, refusing to encode values larger than {@code maxEncodedBytes}. */
    public static KryoCodec of(Map<Class<?>, Integer> registrations, int maxEncodedBytes) {
        return of(Map.of(), registrations, maxEncodedBytes);
    }

    /**
     * As {@link #of(Map, int)}, plus Warren's own wire types, which take ids from {@value
     * #FIRST_WARREN_WIRE_ID} to {@value #FIRST_USER_ID} - 1.
     */
    public static KryoCodec of(
            Map<Class<?>, Integer> warrenTypes,
            Map<Class<?>, Integer> registrations,
            int maxEncodedBytes) {
        warrenTypes.forEach(
                (type, id) -> {
                    if (id < FIRST_WARREN_WIRE_ID || id >= FIRST_USER_ID) {
                        throw new CodecException(
                                "Warren wire type "
                                        + type.getName()
                                        + " needs an id from "
                                        + FIRST_WARREN_WIRE_ID
                                        + " to "
                                        + (FIRST_USER_ID - 1)
                                        + ", was "
                                        + id,
                                false,
                                null);
                    }
                });
        Map<Class<?>, Integer> all = new LinkedHashMap<>(warrenTypes);
        all.putAll(registrations);
        Map<Integer, Class<?>> byId = new HashMap<>();
        Map<Class<?>, Integer> checked = new LinkedHashMap<>();
        all.forEach(
                (type, id) -> {
                    Objects.requireNonNull(type, "registered class");
                    Objects.requireNonNull(id, "id of " + type.getName());
                    if (id < FIRST_USER_ID && !warrenTypes.containsKey(type)) {
                        throw new CodecException(
                                "Kryo id of "
                                        + type.getName()
                                        + " must be at least "
                                        + FIRST_USER_ID
                                        + " (lower ids are Warren's), was "
                                        + id,
                                false,
                                null);
                    }
                    Class<?> previous = byId.putIfAbsent(id, type);
                    if (previous != null && previous != type) {
                        throw new CodecException(
                                "Kryo id "
                                        + id
                                        + " is given to both "
                                        + previous.getName()
                                        + " and "
                                        + type.getName(),
                                false,
                                null);
                    }
                    checked.put(type, id);
                });
        return new KryoCodec(checked, maxEncodedBytes);
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(MAX_DEPTH);
        BuiltInTypes.register(kryo);
        registrations.forEach(kryo::register);
        return kryo;
    }

    @Override
    public byte[] encode(Object value) {
        Kryo kryo = kryos.obtain();
        Output output = outputs.obtain();
        try {
            output.reset();
            kryo.writeClassAndObject(output, value);
            return output.toBytes();
        } catch (IllegalArgumentException | KryoException e) {
            throw translate("cannot encode " + describe(value), e);
        } finally {
            outputs.free(output);
            kryos.free(kryo);
        }
    }

    @Override
    public Object decode(byte[] bytes) {
        Kryo kryo = kryos.obtain();
        try {
            Input input = new Input(bytes);
            Object value = kryo.readClassAndObject(input);
            if (input.position() != bytes.length) {
                throw new CodecException(
                        "cannot decode: "
                                + (bytes.length - input.position())
                                + " bytes left over after the value",
                        false,
                        null);
            }
            return value;
        } catch (IllegalArgumentException | KryoException | IndexOutOfBoundsException e) {
            throw translate("cannot decode " + bytes.length + " bytes", e);
        } catch (OutOfMemoryError e) {
            // a length prefix claimed more than the heap; the one failed allocation is all that
            // happened
            throw new CodecException(
                    "cannot decode " + bytes.length + " bytes: a length in them exceeds memory",
                    false,
                    null);
        } catch (RuntimeException e) {
            // a hostile or corrupt stream can make a serializer fail in any way; none of it may
            // escape
            throw new CodecException("cannot decode " + bytes.length + " bytes: " + e, false, e);
        } finally {
            kryos.free(kryo);
        }
    }

    private static CodecException translate(String what, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        boolean unregistered =
                message.contains("not registered") || message.contains("unregistered class");
        String hint =
                unregistered && message.contains("Class is not registered")
                        ? " (register it with WarrenConfig.Builder.register(type, id) on every host)"
                        : "";
        String firstLine = message.lines().findFirst().orElse(message);
        return new CodecException(what + ": " + firstLine + hint, unregistered, e);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
