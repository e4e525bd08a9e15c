package dev.warren.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import dev.warren.internal.types.TypeClosure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kryo codec: registration required, no Java serialization, a pool of Kryo instances and output
 * buffers shared by all threads. Records are written component by component.
 *
 * <p>Besides Warren's built-in types it registers the classes it is given: with an explicit id when
 * one was chosen, else with the id {@link TypeIds#derived derived} from the class's name. {@link
 * #admit} adds classes while other threads encode and decode: each pooled Kryo catches up with the
 * registrations it has not seen yet when it is taken from the pool.
 *
 * <pre>{@code
 * KryoCodec codec = KryoCodec.of(Map.of());
 * codec.admit(List.of(SumPrimes.class));
 * byte[] bytes = codec.encode(new SumPrimes(1_000_000));
 * }</pre>
 */
public final class KryoCodec implements Codec {
    /** The lowest id an application may register explicitly. */
    public static final int FIRST_USER_ID = TypeIds.FIRST_EXPLICIT_ID;

    /** The lowest id of Warren's own wire records; ids below it are common JDK types. */
    public static final int FIRST_WARREN_WIRE_ID = 50;

    /**
     * How deeply values may nest. Reading is recursive, so without a bound a small signed body of
     * nested lists overflows the stack of the thread decoding it.
     */
    public static final int MAX_DEPTH = 256;

    private static final int INITIAL_BUFFER_BYTES = 512;

    private final Map<Class<?>, Integer> warrenTypes;
    private final IdTable table;
    private final Pool<PooledKryo> kryos;
    private final Pool<Output> outputs;

    /** A pooled Kryo and how many of the table's entries it has registered. */
    private static final class PooledKryo {
        final Kryo kryo;
        int registered;

        PooledKryo(Kryo kryo) {
            this.kryo = kryo;
        }
    }

    private KryoCodec(
            Map<Class<?>, Integer> warrenTypes,
            Map<Class<?>, Integer> explicitIds,
            int maxEncodedBytes) {
        this.warrenTypes = Map.copyOf(warrenTypes);
        this.table = new IdTable(explicitIds, TypeIds::derived);
        this.kryos =
                new Pool<>(true, false, 64) {
                    @Override
                    protected PooledKryo create() {
                        return new PooledKryo(newKryo());
                    }
                };
        this.outputs =
                new Pool<>(true, false, 64) {
                    @Override
                    protected Output create() {
                        return new Output(INITIAL_BUFFER_BYTES, maxEncodedBytes);
                    }
                };
    }

    /** A codec for these classes, with explicit ids from {@value #FIRST_USER_ID} up. */
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
        registrations.forEach(
                (type, id) -> {
                    Objects.requireNonNull(type, "registered class");
                    Objects.requireNonNull(id, "id of " + type.getName());
                    if (!TypeIds.isExplicit(id)) {
                        throw new CodecException(
                                "Kryo id of "
                                        + type.getName()
                                        + " must be from "
                                        + FIRST_USER_ID
                                        + " to "
                                        + (TypeIds.FIRST_WARREN_JDK_ID - 1)
                                        + " (other ids are Warren's or derived), was "
                                        + id,
                                false,
                                null);
                    }
                });
        KryoCodec codec = new KryoCodec(warrenTypes, registrations, maxEncodedBytes);
        codec.admit(registrations.keySet());
        return codec;
    }

    /**
     * Registers these classes too (those not registered yet), on every Kryo of the pool before it
     * is next used. Safe while other threads encode and decode.
     *
     * @throws CodecException naming both classes when two would share an id; none is added then
     */
    public void admit(Collection<? extends Class<?>> types) {
        List<Class<?>> fresh = new ArrayList<>();
        for (Class<?> type : types) {
            if (!isRegistered(type)) {
                fresh.add(type);
            }
        }
        if (!fresh.isEmpty()) {
            table.add(fresh);
        }
    }

    /**
     * Registers a value type a coordination primitive carries (a map's keys and values, a channel's
     * events) with the types it reaches, when it is a record, an enum or a sealed type; JDK types
     * need nothing and other types are left to explicit registration.
     */
    public void admitValue(Class<?> type) {
        if (!isRegistered(type) && (type.isRecord() || type.isEnum() || type.isSealed())) {
            admit(TypeClosure.ofValue(type, BuiltInTypes::contains));
        }
    }

    /** Whether values of exactly this class encode: a built-in, wire or admitted class. */
    public boolean isRegistered(Class<?> type) {
        return BuiltInTypes.contains(type) || warrenTypes.containsKey(type) || table.contains(type);
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(MAX_DEPTH);
        BuiltInTypes.register(kryo);
        warrenTypes.forEach(kryo::register);
        return kryo;
    }

    private PooledKryo obtain() {
        PooledKryo pooled = kryos.obtain();
        List<IdTable.Entry> entries = table.entries();
        for (int i = pooled.registered; i < entries.size(); i++) {
            pooled.kryo.register(entries.get(i).type(), entries.get(i).id());
        }
        pooled.registered = entries.size();
        return pooled;
    }

    @Override
    public byte[] encode(Object value) {
        PooledKryo pooled = obtain();
        Output output = outputs.obtain();
        try {
            output.reset();
            pooled.kryo.writeClassAndObject(output, value);
            return output.toBytes();
        } catch (IllegalArgumentException | KryoException e) {
            throw KryoErrors.translate("cannot encode " + describe(value), e);
        } finally {
            outputs.free(output);
            kryos.free(pooled);
        }
    }

    @Override
    public Object decode(byte[] bytes) {
        PooledKryo pooled = obtain();
        try {
            Input input = new Input(bytes);
            Object value = pooled.kryo.readClassAndObject(input);
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
            throw KryoErrors.translate("cannot decode " + bytes.length + " bytes", e);
        } catch (OutOfMemoryError e) {
            // a length prefix claimed more than the heap; the one failed allocation is all that
            // happened
            throw new CodecException(
                    "cannot decode " + bytes.length + " bytes: a length in them exceeds memory",
                    false,
                    null);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            // a hostile or corrupt stream can make a serializer fail in any way; none of it may
            // escape
            throw new CodecException("cannot decode " + bytes.length + " bytes: " + e, false, e);
        } finally {
            kryos.free(pooled);
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
