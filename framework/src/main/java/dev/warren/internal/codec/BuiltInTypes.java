package dev.warren.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The JDK types every Warren process registers, with fixed ids that are Warren's (below {@link
 * TypeIds#FIRST_EXPLICIT_ID}, and {@link JdkValueTypes} from {@link TypeIds#FIRST_WARREN_JDK_ID}),
 * so records can hold common values without any registration.
 */
final class BuiltInTypes {
    private static final Set<Class<?>> CLASSES = registeredClasses();

    private BuiltInTypes() {}

    static void register(Kryo kryo) {
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        kryo.register(ArrayList.class, 10);
        kryo.register(LinkedList.class, 11);
        kryo.register(HashMap.class, 12);
        kryo.register(LinkedHashMap.class, 13);
        kryo.register(TreeMap.class, 14);
        kryo.register(HashSet.class, 15);
        kryo.register(LinkedHashSet.class, 16);
        kryo.register(TreeSet.class, 17);
        kryo.register(byte[].class, 18);
        kryo.register(int[].class, 19);
        kryo.register(long[].class, 20);
        kryo.register(double[].class, 21);
        kryo.register(String[].class, 22);
        kryo.register(Object[].class, 23);
        kryo.register(UUID.class, new DefaultSerializers.UUIDSerializer(), 24);
        kryo.register(Instant.class, 25);
        kryo.register(Duration.class, 26);
        kryo.register(LocalDate.class, 27);
        kryo.register(LocalDateTime.class, 28);
        kryo.register(BigDecimal.class, 29);
        kryo.register(BigInteger.class, 30);
        kryo.register(Optional.class, 31);
        registerJdkClass(kryo, "java.util.ImmutableCollections$List12", 32);
        registerJdkClass(kryo, "java.util.ImmutableCollections$ListN", 33);
        registerJdkClass(kryo, "java.util.ImmutableCollections$SubList", 34);
        registerJdkClass(kryo, "java.util.ImmutableCollections$Set12", 35);
        registerJdkClass(kryo, "java.util.ImmutableCollections$SetN", 36);
        registerJdkClass(kryo, "java.util.ImmutableCollections$Map1", 37);
        registerJdkClass(kryo, "java.util.ImmutableCollections$MapN", 38);
        kryo.register(Collections.emptyList().getClass(), 39);
        kryo.register(Collections.emptyMap().getClass(), 40);
        kryo.register(Collections.emptySet().getClass(), 41);
        JdkValueTypes.register(kryo);
    }

    /** Whether values of exactly this class travel without any registration. */
    static boolean contains(Class<?> type) {
        return CLASSES.contains(type);
    }

    /**
     * By name, so the ids stay the same whichever of these classes a JDK happens to use for
     * List.of().
     */
    private static void registerJdkClass(Kryo kryo, String name, int id) {
        try {
            kryo.register(Class.forName(name), id);
        } catch (ClassNotFoundException e) {
            // a JDK without this implementation class never produces its instances
        }
    }

    private static Set<Class<?>> registeredClasses() {
        Kryo kryo = new Kryo();
        register(kryo);
        Set<Class<?>> classes = new HashSet<>();
        for (int id = 0; id < TypeIds.FIRST_EXPLICIT_ID; id++) {
            add(classes, kryo.getRegistration(id));
        }
        for (int id = TypeIds.FIRST_WARREN_JDK_ID; id < TypeIds.FIRST_DERIVED_ID; id++) {
            Registration registration = kryo.getRegistration(id);
            if (registration == null && id > TypeIds.FIRST_WARREN_JDK_ID + JdkValueTypes.SLOTS) {
                break;
            }
            add(classes, registration);
        }
        classes.add(Integer.class);
        classes.add(Long.class);
        classes.add(Short.class);
        classes.add(Byte.class);
        classes.add(Character.class);
        classes.add(Boolean.class);
        classes.add(Float.class);
        classes.add(Double.class);
        return Set.copyOf(classes);
    }

    private static void add(Set<Class<?>> classes, Registration registration) {
        if (registration != null) {
            classes.add(registration.getType());
        }
    }
}
