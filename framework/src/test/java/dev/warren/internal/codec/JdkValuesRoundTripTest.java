package dev.warren.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every JDK value a record commonly holds travels with no registration at all. */
class JdkValuesRoundTripTest {
    enum Big {
        B0,
        B1,
        B2,
        B3,
        B4,
        B5,
        B6,
        B7,
        B8,
        B9,
        B10,
        B11,
        B12,
        B13,
        B14,
        B15,
        B16,
        B17,
        B18,
        B19,
        B20,
        B21,
        B22,
        B23,
        B24,
        B25,
        B26,
        B27,
        B28,
        B29,
        B30,
        B31,
        B32,
        B33,
        B34,
        B35,
        B36,
        B37,
        B38,
        B39,
        B40,
        B41,
        B42,
        B43,
        B44,
        B45,
        B46,
        B47,
        B48,
        B49,
        B50,
        B51,
        B52,
        B53,
        B54,
        B55,
        B56,
        B57,
        B58,
        B59,
        B60,
        B61,
        B62,
        B63,
        B64,
        B65
    }

    record Times(
            Instant instant,
            Duration duration,
            Period period,
            LocalDate date,
            LocalTime time,
            LocalDateTime dateTime,
            ZonedDateTime zoned,
            OffsetDateTime offsetDateTime,
            OffsetTime offsetTime,
            ZoneId zone,
            ZoneOffset offset,
            Year year,
            YearMonth yearMonth,
            MonthDay monthDay,
            DayOfWeek day,
            Month month) {}

    record Scalars(
            UUID id,
            BigDecimal decimal,
            BigInteger integer,
            Optional<String> some,
            Optional<String> none,
            OptionalInt optionalInt,
            OptionalLong optionalLong,
            OptionalDouble optionalDouble,
            URI uri) {}

    record Arrays_(
            byte[] bytes,
            short[] shorts,
            int[] ints,
            long[] longs,
            float[] floats,
            double[] doubles,
            char[] chars,
            boolean[] booleans,
            String[] strings) {}

    record Everything(Times times, Scalars scalars, Arrays_ arrays, Map<String, Object> values) {}

    private final KryoCodec codec = KryoCodec.of(Map.of());

    @Test
    void aRecordHoldingEveryOneOfThemRoundTrips() {
        codec.admit(
                List.of(Everything.class, Times.class, Scalars.class, Arrays_.class, Big.class));
        ZonedDateTime zoned = ZonedDateTime.of(2026, 12, 2, 6, 30, 0, 5, ZoneId.of("Europe/Paris"));
        Times times =
                new Times(
                        zoned.toInstant(),
                        Duration.ofMillis(1234),
                        Period.of(1, 2, 3),
                        zoned.toLocalDate(),
                        zoned.toLocalTime(),
                        zoned.toLocalDateTime(),
                        zoned,
                        zoned.toOffsetDateTime(),
                        zoned.toOffsetDateTime().toOffsetTime(),
                        ZoneId.of("America/New_York"),
                        ZoneOffset.ofHours(-3),
                        Year.of(2026),
                        YearMonth.of(2026, 12),
                        MonthDay.of(12, 2),
                        DayOfWeek.WEDNESDAY,
                        Month.DECEMBER);
        Scalars scalars =
                new Scalars(
                        UUID.randomUUID(),
                        new BigDecimal("12345.6789"),
                        BigInteger.TWO.pow(100),
                        Optional.of("x"),
                        Optional.empty(),
                        OptionalInt.of(3),
                        OptionalLong.empty(),
                        OptionalDouble.of(2.5),
                        URI.create("https://example.com/a?b=c"));
        Arrays_ arrays =
                new Arrays_(
                        new byte[] {1},
                        new short[] {2},
                        new int[] {3},
                        new long[] {4},
                        new float[] {5},
                        new double[] {6},
                        new char[] {'7'},
                        new boolean[] {true},
                        new String[] {"8"});
        Map<String, Object> collections = collections();

        Everything back =
                (Everything)
                        codec.decode(
                                codec.encode(new Everything(times, scalars, arrays, collections)));

        assertThat(back.times()).isEqualTo(times);
        assertThat(back.scalars()).isEqualTo(scalars);
        assertThat(back.arrays().strings()).containsExactly("8");
        assertThat(back.arrays().chars()).containsExactly('7');
        assertThat(back.arrays().booleans()).containsExactly(true);
        assertThat(back.arrays().floats()).containsExactly(5f);
        assertThat(back.arrays().shorts()).containsExactly((short) 2);
        assertThat(back.values()).containsOnlyKeys(collections.keySet());
        collections.forEach(
                (name, value) -> {
                    Object decoded = back.values().get(name);
                    if (value instanceof Set<?> set) {
                        assertThat(Set.copyOf((Collection<?>) decoded))
                                .as(name)
                                .isEqualTo(Set.copyOf(set));
                    } else if (value instanceof Collection<?> c) {
                        assertThat(List.copyOf((Collection<?>) decoded))
                                .as(name)
                                .isEqualTo(List.copyOf(c));
                    } else {
                        assertThat(decoded).as(name).isEqualTo(value);
                    }
                });
    }

    @Test
    void sortedCollectionsKeepTheirComparatorAndKind() {
        TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
        reversed.addAll(List.of("a", "b", "c"));
        ConcurrentSkipListSet<String> skip = new ConcurrentSkipListSet<>(List.of("b", "a"));
        EnumMap<DayOfWeek, Integer> empty = new EnumMap<>(DayOfWeek.class);

        assertThat(List.copyOf((TreeSet<?>) codec.decode(codec.encode(reversed))))
                .isEqualTo(List.of("c", "b", "a"));
        assertThat(codec.decode(codec.encode(skip)))
                .isInstanceOf(ConcurrentSkipListSet.class)
                .isEqualTo(skip);
        Object emptyBack = codec.decode(codec.encode(empty));
        assertThat(emptyBack).isInstanceOf(EnumMap.class).isEqualTo(empty);
        @SuppressWarnings("unchecked")
        EnumMap<DayOfWeek, Integer> typed = (EnumMap<DayOfWeek, Integer>) emptyBack;
        typed.put(DayOfWeek.MONDAY, 1);
    }

    @Test
    void unmodifiableViewsStayUnmodifiableWhenDecoded() {
        Object list = codec.decode(codec.encode(Collections.unmodifiableList(List.of(1))));
        Object map = codec.decode(codec.encode(Collections.unmodifiableMap(Map.of(1, 2))));

        assertThat(list).isEqualTo(List.of(1));
        assertThat(map).isEqualTo(Map.of(1, 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ((List<?>) list).add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Map<String, Object> collections() {
        Map<String, Integer> hash = new HashMap<>(Map.of("a", 1, "b", 2));
        Map<String, Integer> linked = new LinkedHashMap<>(hash);
        TreeMap<String, Integer> tree = new TreeMap<>(hash);
        Map<String, Integer> concurrent = new ConcurrentHashMap<>(hash);
        ConcurrentSkipListMap<String, Integer> skipMap = new ConcurrentSkipListMap<>(hash);
        EnumMap<DayOfWeek, String> enumMap = new EnumMap<>(Map.of(DayOfWeek.MONDAY, "m"));
        Map<String, Integer> immutable = Map.of("a", 1, "b", 2);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ArrayList", new ArrayList<>(List.of(1, 2)));
        all.put("LinkedList", new LinkedList<>(List.of(1, 2)));
        all.put("ArrayDeque", List.copyOf(new ArrayDeque<>(List.of(1, 2))));
        all.put("ArrayDeque itself", new ArrayDeque<>(List.of(1, 2)));
        all.put("HashMap", hash);
        all.put("LinkedHashMap", linked);
        all.put("TreeMap", tree);
        all.put("HashSet", new HashSet<>(List.of(1, 2)));
        all.put("LinkedHashSet", new LinkedHashSet<>(List.of(1, 2)));
        all.put("TreeSet", new TreeSet<>(List.of(1, 2)));
        all.put("EnumSet", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        all.put("EnumSet of 66", EnumSet.of(Big.B0, Big.B65));
        all.put("EnumMap", enumMap);
        all.put("ConcurrentHashMap", concurrent);
        all.put("ConcurrentSkipListMap", skipMap);
        all.put("ConcurrentSkipListSet", new ConcurrentSkipListSet<>(List.of(1, 2)));
        all.put("CopyOnWriteArrayList", new CopyOnWriteArrayList<>(List.of(1, 2)));
        all.put("List.of()", List.of());
        all.put("List.of(1)", List.of(1));
        all.put("List.of(1, 2, 3)", List.of(1, 2, 3));
        all.put("Set.of(1, 2, 3)", Set.of(1, 2, 3));
        all.put("Map.of(a, 1)", Map.of("a", 1));
        all.put("Map.of(a, 1, b, 2)", immutable);
        all.put("unmodifiableList", Collections.unmodifiableList(new ArrayList<>(List.of(1))));
        all.put(
                "unmodifiableList of LinkedList",
                Collections.unmodifiableList(new LinkedList<>(List.of(1))));
        all.put("unmodifiableCollection", Collections.unmodifiableCollection(List.of(1)));
        all.put("unmodifiableSet", Collections.unmodifiableSet(new HashSet<>(List.of(1))));
        all.put(
                "unmodifiableSortedSet",
                Collections.unmodifiableSortedSet(new TreeSet<>(List.of(1))));
        all.put(
                "unmodifiableNavigableSet",
                Collections.unmodifiableNavigableSet(new TreeSet<>(List.of(1))));
        all.put("unmodifiableMap", Collections.unmodifiableMap(hash));
        all.put("unmodifiableSortedMap", Collections.unmodifiableSortedMap(tree));
        all.put("unmodifiableNavigableMap", Collections.unmodifiableNavigableMap(tree));
        all.put("singletonList", Collections.singletonList(1));
        all.put("singleton", Collections.singleton(1));
        all.put("singletonMap", Collections.singletonMap("a", 1));
        all.put("emptyList", Collections.emptyList());
        all.put("emptySet", Collections.emptySet());
        all.put("emptyMap", Collections.emptyMap());
        all.put("emptySortedSet", Collections.emptySortedSet());
        all.put("emptyNavigableMap", Collections.emptyNavigableMap());
        all.put("Arrays.asList", Arrays.asList(1, 2));
        all.put("ArrayList.subList", new ArrayList<>(List.of(1, 2, 3)).subList(1, 3));
        all.put("LinkedList.subList", new LinkedList<>(List.of(1, 2, 3)).subList(1, 3));
        all.put("Arrays.asList.subList", Arrays.asList(1, 2, 3).subList(1, 3));
        all.put("List.of.subList", List.of(1, 2, 3).subList(1, 3));
        all.put(
                "CopyOnWriteArrayList.subList",
                new CopyOnWriteArrayList<>(List.of(1, 2)).subList(0, 1));
        for (Map.Entry<String, Map<?, ?>> map :
                Map.<String, Map<?, ?>>of(
                                "HashMap", hash,
                                "LinkedHashMap", linked,
                                "TreeMap", tree,
                                "ConcurrentHashMap", concurrent,
                                "ConcurrentSkipListMap", skipMap,
                                "EnumMap", enumMap,
                                "Map.of", immutable,
                                "Map.of(one)", Map.of("a", 1),
                                "unmodifiableMap", Collections.unmodifiableMap(hash))
                        .entrySet()) {
            all.put(map.getKey() + ".keySet", map.getValue().keySet());
            all.put(map.getKey() + ".values", map.getValue().values());
            all.put(map.getKey() + ".entrySet", map.getValue().entrySet());
        }
        all.put("Map.entry", Map.entry("a", 1));
        return all;
    }
}
