package dev.warren.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Serializers for JDK collections that Kryo cannot rebuild as they are (views, unmodifiable
 * wrappers, collections whose class has no usable constructor): they write the elements and read
 * them back into a fresh collection of the same kind, so a view decodes as a copy.
 *
 * <pre>{@code
 * kryo.register(map.keySet().getClass(), CopySerializers.collection(LinkedHashSet::new), id);
 * }</pre>
 */
final class CopySerializers {
    /** Preallocate at most this many slots: a length prefix is not trusted before its elements. */
    private static final int MOST_PREALLOCATED = 1024;

    private CopySerializers() {}

    /** Elements in iteration order, rebuilt from a list of them. */
    static Serializer<Collection<Object>> collection(Function<List<Object>, ?> rebuild) {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, Collection<Object> value) {
                writeElements(kryo, output, value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Collection<Object> read(
                    Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
                return (Collection<Object>) rebuild.apply(readElements(kryo, input));
            }
        };
    }

    /** A sorted collection: its comparator (null for natural order) and its elements. */
    static Serializer<Collection<Object>> sorted(
            Function<Collection<Object>, Comparator<Object>> comparatorOf,
            BiFunction<Comparator<Object>, List<Object>, ?> rebuild) {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, Collection<Object> value) {
                kryo.writeClassAndObject(output, comparatorOf.apply(value));
                writeElements(kryo, output, value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Collection<Object> read(
                    Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
                Comparator<Object> comparator = (Comparator<Object>) kryo.readClassAndObject(input);
                return (Collection<Object>) rebuild.apply(comparator, readElements(kryo, input));
            }
        };
    }

    /** Entries in iteration order, rebuilt from an insertion-ordered copy. */
    static Serializer<Map<Object, Object>> map(Function<LinkedHashMap<Object, Object>, ?> rebuild) {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, Map<Object, Object> value) {
                writeEntries(kryo, output, value.entrySet());
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map<Object, Object> read(
                    Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
                return (Map<Object, Object>) rebuild.apply(readEntries(kryo, input));
            }
        };
    }

    /** A sorted map: its comparator (null for natural order) and its entries. */
    static Serializer<Map<Object, Object>> sortedMap(
            Function<Map<Object, Object>, Comparator<Object>> comparatorOf,
            BiFunction<Comparator<Object>, LinkedHashMap<Object, Object>, ?> rebuild) {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, Map<Object, Object> value) {
                kryo.writeClassAndObject(output, comparatorOf.apply(value));
                writeEntries(kryo, output, value.entrySet());
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map<Object, Object> read(
                    Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
                Comparator<Object> comparator = (Comparator<Object>) kryo.readClassAndObject(input);
                return (Map<Object, Object>) rebuild.apply(comparator, readEntries(kryo, input));
            }
        };
    }

    /** A map's entry set (or a set of entries), rebuilt from an insertion-ordered copy. */
    static Serializer<Collection<Map.Entry<Object, Object>>> entries(
            Function<LinkedHashMap<Object, Object>, ?> rebuild) {
        return new Serializer<>() {
            @Override
            public void write(
                    Kryo kryo, Output output, Collection<Map.Entry<Object, Object>> value) {
                writeEntries(kryo, output, value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Collection<Map.Entry<Object, Object>> read(
                    Kryo kryo,
                    Input input,
                    Class<? extends Collection<Map.Entry<Object, Object>>> type) {
                return (Collection<Map.Entry<Object, Object>>)
                        rebuild.apply(readEntries(kryo, input));
            }
        };
    }

    /** One map entry, rebuilt from its key and value. */
    static Serializer<Map.Entry<Object, Object>> entry(
            BiFunction<Object, Object, Map.Entry<Object, Object>> rebuild) {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, Map.Entry<Object, Object> value) {
                kryo.writeClassAndObject(output, value.getKey());
                kryo.writeClassAndObject(output, value.getValue());
            }

            @Override
            public Map.Entry<Object, Object> read(
                    Kryo kryo, Input input, Class<? extends Map.Entry<Object, Object>> type) {
                Object key = kryo.readClassAndObject(input);
                return rebuild.apply(key, kryo.readClassAndObject(input));
            }
        };
    }

    /**
     * An {@link EnumMap}: its key type (found from a key, or for an empty map from the map itself),
     * then its entries.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Serializer<EnumMap> enumMap() {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, EnumMap value) {
                kryo.writeClass(output, EnumKeys.keyType(value));
                writeEntries(kryo, output, value.entrySet());
            }

            @Override
            public EnumMap read(Kryo kryo, Input input, Class<? extends EnumMap> type) {
                Class keyType = kryo.readClass(input).getType();
                if (!keyType.isEnum()) {
                    throw new KryoException(
                            "an EnumMap's key type must be an enum, was " + keyType.getName());
                }
                EnumMap map = new EnumMap(keyType);
                map.putAll(readEntries(kryo, input));
                return map;
            }
        };
    }

    /** A JDK singleton (a stock comparator): nothing is written, the same instance is read. */
    static Serializer<Object> constant(Object instance) {
        return new Serializer<>() {
            @Override
            public void write(Kryo kryo, Output output, Object value) {}

            @Override
            public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
                return instance;
            }
        };
    }

    private static void writeElements(Kryo kryo, Output output, Collection<?> elements) {
        List<?> snapshot = new ArrayList<>(elements);
        output.writeVarInt(snapshot.size(), true);
        for (Object element : snapshot) {
            kryo.writeClassAndObject(output, element);
        }
    }

    private static List<Object> readElements(Kryo kryo, Input input) {
        int size = input.readVarInt(true);
        List<Object> elements = new ArrayList<>(Math.min(size, MOST_PREALLOCATED));
        for (int i = 0; i < size; i++) {
            elements.add(kryo.readClassAndObject(input));
        }
        return elements;
    }

    private static void writeEntries(
            Kryo kryo, Output output, Collection<? extends Map.Entry<?, ?>> entries) {
        List<Map.Entry<?, ?>> snapshot = new ArrayList<>(entries);
        output.writeVarInt(snapshot.size(), true);
        for (Map.Entry<?, ?> entry : snapshot) {
            kryo.writeClassAndObject(output, entry.getKey());
            kryo.writeClassAndObject(output, entry.getValue());
        }
    }

    private static LinkedHashMap<Object, Object> readEntries(Kryo kryo, Input input) {
        int size = input.readVarInt(true);
        LinkedHashMap<Object, Object> map = new LinkedHashMap<>(Math.min(size, MOST_PREALLOCATED));
        for (int i = 0; i < size; i++) {
            Object key = kryo.readClassAndObject(input);
            map.put(key, kryo.readClassAndObject(input));
        }
        return map;
    }
}
