package dev.warren.internal.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The classes a codec registers beside its built-in ones, with their ids, in the order they came.
 * It only grows: {@link #add} checks the newcomers against every id taken so far and appends them
 * in one step, so a reader of {@link #entries()} sees either none or all of them.
 *
 * <pre>{@code
 * IdTable table = new IdTable(Map.of(Legacy.class, 100), TypeIds::derived);
 * table.add(List.of(SumPrimes.class, Legacy.class));   // SumPrimes: derived id; Legacy: 100
 * }</pre>
 */
final class IdTable {
    /** One registration. */
    record Entry(Class<?> type, int id) {}

    private final Map<Class<?>, Integer> explicitIds;
    private final ToIntFunction<String> derive;
    private final Map<Integer, Class<?>> byId = new HashMap<>();
    private final Map<Class<?>, Integer> byType = new HashMap<>();
    private volatile List<Entry> entries = List.of();

    /**
     * @param explicitIds ids chosen by hand; a class listed here takes its id instead of a derived
     *     one when it is added
     * @param derive the id of a class from its binary name ({@link TypeIds#derived})
     */
    IdTable(Map<Class<?>, Integer> explicitIds, ToIntFunction<String> derive) {
        this.explicitIds = Map.copyOf(explicitIds);
        this.derive = derive;
    }

    /**
     * Adds the classes not added yet: an explicit id if one was given, else the derived one.
     *
     * @throws CodecException naming both classes when an id is taken by another class; nothing is
     *     added then
     */
    synchronized void add(Collection<Class<?>> types) {
        Map<Integer, Class<?>> newIds = new HashMap<>();
        List<Entry> added = new ArrayList<>();
        for (Class<?> type : types) {
            Objects.requireNonNull(type, "type");
            if (byType.containsKey(type) || added.stream().anyMatch(e -> e.type() == type)) {
                continue;
            }
            Integer explicit = explicitIds.get(type);
            int id = explicit != null ? explicit : derive.applyAsInt(type.getName());
            Class<?> holder = byId.containsKey(id) ? byId.get(id) : newIds.get(id);
            if (holder != null) {
                throw collision(holder, type, id, explicit != null);
            }
            newIds.put(id, type);
            added.add(new Entry(type, id));
        }
        if (added.isEmpty()) {
            return;
        }
        for (Entry entry : added) {
            byId.put(entry.id(), entry.type());
            byType.put(entry.type(), entry.id());
        }
        List<Entry> grown = new ArrayList<>(entries);
        grown.addAll(added);
        entries = List.copyOf(grown);
    }

    /** Every entry so far, in the order added. */
    List<Entry> entries() {
        return entries;
    }

    synchronized boolean contains(Class<?> type) {
        return byType.containsKey(type);
    }

    private static CodecException collision(
            Class<?> holder, Class<?> type, int id, boolean explicit) {
        String fix =
                explicit
                        ? "give one of them another id"
                        : "give one of them an explicit id with WarrenConfig.Builder.register(type,"
                                + " id) (from "
                                + TypeIds.FIRST_EXPLICIT_ID
                                + " to "
                                + (TypeIds.FIRST_WARREN_JDK_ID - 1)
                                + "), the same on every host";
        return new CodecException(
                "Kryo id "
                        + id
                        + " would be shared by "
                        + holder.getName()
                        + " and "
                        + type.getName()
                        + ": "
                        + fix,
                false,
                null);
    }
}
