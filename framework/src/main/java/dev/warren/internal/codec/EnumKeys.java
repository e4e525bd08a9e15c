package dev.warren.internal.codec;

import com.esotericsoftware.kryo.KryoException;
import java.util.EnumMap;

/**
 * The key type of an {@link EnumMap}, which the JDK does not expose. A key tells it; an empty map
 * tells it only in the message of the {@link ClassCastException} it throws for a key of another
 * type, which names its key type.
 *
 * <pre>{@code
 * Class<?> keys = EnumKeys.keyType(new EnumMap<>(DayOfWeek.class));   // DayOfWeek.class
 * }</pre>
 */
final class EnumKeys {
    private static final String MARK = " != class ";

    private enum Probe {
        PROBE
    }

    private EnumKeys() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Class<?> keyType(EnumMap<?, ?> map) {
        if (!map.isEmpty()) {
            return ((Enum<?>) map.keySet().iterator().next()).getDeclaringClass();
        }
        if (map.getClass() != EnumMap.class) {
            throw new KryoException("cannot find the key type of " + map.getClass().getName());
        }
        EnumMap probe = ((EnumMap) map).clone();
        try {
            probe.put(Probe.PROBE, null);
            return Probe.class;
        } catch (ClassCastException e) {
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf(MARK);
            if (at < 0) {
                throw new KryoException(
                        "cannot find the key type of an empty EnumMap: send it with an entry, or"
                                + " send Map.of()");
            }
            return load(message.substring(at + MARK.length()).trim());
        }
    }

    private static Class<?> load(String name) {
        for (ClassLoader loader :
                new ClassLoader[] {
                    Thread.currentThread().getContextClassLoader(), EnumKeys.class.getClassLoader()
                }) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | RuntimeException e) {
                // try the next loader
            }
        }
        throw new KryoException(
                "cannot load the key type " + name + " of an empty EnumMap: send it with an entry");
    }
}
