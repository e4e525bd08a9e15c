package dev.warren.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Warren's second block of JDK types, from {@link TypeIds#FIRST_WARREN_JDK_ID}: the rest of {@code
 * java.time}, the other optionals, URI, the remaining primitive arrays, and the collections people
 * put in records, with their views. Each slot's id is its position in {@link #slots()}: append new
 * slots, never reorder. Views (a map's {@code keySet()}, {@code subList}, unmodifiable wrappers)
 * decode as copies.
 */
final class JdkValueTypes {
    /** A class, found from a sample value, and its serializer (null: Kryo's default). */
    private record Slot(Class<?> type, Serializer<?> serializer) {}

    static final int SLOTS = slots().size();

    private JdkValueTypes() {}

    static void register(Kryo kryo) {
        List<Slot> slots = slots();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.type() == null
                    || kryo.getClassResolver().getRegistration(slot.type()) != null) {
                continue; // this JDK uses one class for two samples: the first slot holds it
            }
            int id = TypeIds.FIRST_WARREN_JDK_ID + i;
            if (slot.serializer() == null) {
                kryo.register(slot.type(), id);
            } else {
                kryo.register(slot.type(), slot.serializer(), id);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Slot> slots() {
        Map<Integer, Integer> sample = new HashMap<>(Map.of(1, 1));
        Map<Integer, Integer> linked = new LinkedHashMap<>(sample);
        Map<Integer, Integer> tree = new TreeMap<>(sample);
        Map<Integer, Integer> concurrent = new ConcurrentHashMap<>(sample);
        Map<Integer, Integer> skipList = new ConcurrentSkipListMap<>(sample);
        Map<DayOfWeek, Integer> enumMap = new EnumMap<>(Map.of(DayOfWeek.MONDAY, 1));
        Map<Integer, Integer> immutableN = Map.of(1, 1, 2, 2);
        Map<Integer, Integer> immutable1 = Map.of(1, 1);
        List<Slot> slots = new ArrayList<>();
        add(slots, LocalTime.class);
        add(slots, ZonedDateTime.class);
        add(slots, OffsetDateTime.class);
        add(slots, OffsetTime.class);
        add(slots, ZoneOffset.class);
        add(slots, ZoneId.of("Europe/Paris").getClass());
        add(slots, Year.class);
        add(slots, YearMonth.class);
        add(slots, MonthDay.class);
        add(slots, Period.class);
        add(slots, DayOfWeek.class);
        add(slots, Month.class);
        add(slots, OptionalInt.class);
        add(slots, OptionalLong.class);
        add(slots, OptionalDouble.class);
        slots.add(new Slot(URI.class, new DefaultSerializers.URISerializer()));
        add(slots, char[].class);
        add(slots, short[].class);
        add(slots, float[].class);
        add(slots, boolean[].class);
        add(slots, ArrayDeque.class);
        add(slots, EnumSet.noneOf(DayOfWeek.class).getClass());
        slots.add(new Slot(byName("java.util.JumboEnumSet"), null));
        slots.add(new Slot(EnumMap.class, CopySerializers.enumMap()));
        add(slots, ConcurrentHashMap.class);
        add(slots, ConcurrentSkipListMap.class);
        slots.add(
                new Slot(
                        ConcurrentSkipListSet.class,
                        CopySerializers.sorted(
                                set -> (Comparator) ((ConcurrentSkipListSet) set).comparator(),
                                (comparator, elements) -> {
                                    ConcurrentSkipListSet set =
                                            new ConcurrentSkipListSet(comparator);
                                    set.addAll(elements);
                                    return set;
                                })));
        add(slots, CopyOnWriteArrayList.class);
        add(slots, Collections.singletonList(1).getClass());
        add(slots, Collections.singleton(1).getClass());
        add(slots, Collections.singletonMap(1, 1).getClass());
        add(slots, Arrays.asList(1).getClass());
        copy(
                slots,
                Collections.unmodifiableCollection(List.of()),
                Collections::unmodifiableCollection);
        copy(
                slots,
                Collections.unmodifiableList(new LinkedList<>()),
                Collections::unmodifiableList);
        copy(slots, Collections.unmodifiableList(new ArrayList<>()), Collections::unmodifiableList);
        copy(
                slots,
                Collections.unmodifiableSet(new HashSet<>()),
                l -> Collections.unmodifiableSet(new LinkedHashSet<>(l)));
        sortedSet(slots, Collections.unmodifiableSortedSet(new TreeSet<>()), false);
        sortedSet(slots, Collections.unmodifiableNavigableSet(new TreeSet<>()), true);
        slots.add(
                new Slot(
                        Collections.unmodifiableMap(new HashMap<>()).getClass(),
                        CopySerializers.map(Collections::unmodifiableMap)));
        sortedMap(slots, Collections.unmodifiableSortedMap(new TreeMap<>()), false);
        sortedMap(slots, Collections.unmodifiableNavigableMap(new TreeMap<>()), true);
        copy(slots, new ArrayList<>(List.of(1)).subList(0, 1), ArrayList::new);
        copy(slots, new LinkedList<>(List.of(1)).subList(0, 1), ArrayList::new);
        copy(slots, Arrays.asList(1).subList(0, 1), ArrayList::new);
        copy(slots, new CopyOnWriteArrayList<>(List.of(1)).subList(0, 1), ArrayList::new);
        for (Map<?, ?> map :
                List.of(
                        sample,
                        linked,
                        tree,
                        concurrent,
                        skipList,
                        enumMap,
                        immutableN,
                        immutable1)) {
            views(slots, map);
        }
        entry(slots, Map.entry(1, 1).getClass());
        entry(slots, AbstractMap.SimpleImmutableEntry.class);
        entry(slots, AbstractMap.SimpleEntry.class);
        slots.add(
                new Slot(
                        Collections.unmodifiableMap(sample).entrySet().getClass(),
                        CopySerializers.entries(m -> Collections.unmodifiableMap(m).entrySet())));
        sortedSet(slots, Collections.emptyNavigableSet(), true);
        sortedMap(slots, Collections.emptyNavigableMap(), true);
        add(slots, PriorityQueue.class);
        constant(slots, Comparator.naturalOrder());
        constant(slots, Collections.reverseOrder());
        constant(slots, String.CASE_INSENSITIVE_ORDER);
        return slots;
    }

    private static void constant(List<Slot> slots, Object instance) {
        slots.add(new Slot(instance.getClass(), CopySerializers.constant(instance)));
    }

    private static void add(List<Slot> slots, Class<?> type) {
        slots.add(new Slot(type, null));
    }

    private static void copy(
            List<Slot> slots,
            Collection<?> sample,
            java.util.function.Function<List<Object>, ?> rebuild) {
        slots.add(new Slot(sample.getClass(), CopySerializers.collection(rebuild)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortedSet(List<Slot> slots, SortedSet<?> sample, boolean navigable) {
        slots.add(
                new Slot(
                        sample.getClass(),
                        CopySerializers.sorted(
                                set -> (Comparator) ((SortedSet) set).comparator(),
                                (comparator, elements) -> {
                                    TreeSet copy = new TreeSet(comparator);
                                    copy.addAll(elements);
                                    return navigable
                                            ? Collections.unmodifiableNavigableSet(copy)
                                            : Collections.unmodifiableSortedSet(copy);
                                })));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortedMap(List<Slot> slots, SortedMap<?, ?> sample, boolean navigable) {
        slots.add(
                new Slot(
                        sample.getClass(),
                        CopySerializers.sortedMap(
                                map -> (Comparator) ((SortedMap) map).comparator(),
                                (comparator, entries) -> {
                                    TreeMap copy = new TreeMap(comparator);
                                    copy.putAll(entries);
                                    return navigable
                                            ? Collections.unmodifiableNavigableMap(copy)
                                            : Collections.unmodifiableSortedMap(copy);
                                })));
    }

    /** A map's {@code keySet()}, {@code values()} and {@code entrySet()}, decoded as copies. */
    private static void views(List<Slot> slots, Map<?, ?> map) {
        copy(slots, map.keySet(), LinkedHashSet::new);
        copy(slots, map.values(), ArrayList::new);
        slots.add(new Slot(map.entrySet().getClass(), CopySerializers.entries(m -> m.entrySet())));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void entry(List<Slot> slots, Class<?> type) {
        slots.add(
                new Slot(
                        type,
                        CopySerializers.entry(
                                type == AbstractMap.SimpleEntry.class
                                        ? AbstractMap.SimpleEntry::new
                                        : type == AbstractMap.SimpleImmutableEntry.class
                                                ? AbstractMap.SimpleImmutableEntry::new
                                                : (k, v) -> (Map.Entry) Map.entry(k, v))));
    }

    private static Class<?> byName(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null; // a JDK without this class never produces its instances
        }
    }
}
