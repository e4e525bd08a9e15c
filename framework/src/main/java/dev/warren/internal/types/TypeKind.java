package dev.warren.internal.types;

import java.lang.reflect.Modifier;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.Predicate;

/**
 * What a declared type is to the closure: built in, a record, an enum, sealed, open (a JDK
 * interface or supertype whose values are checked when they are encoded), or refused.
 *
 * <pre>{@code
 * TypeKind.of(List.class, codec::isRegistered);   // OPEN: its elements are walked
 * TypeKind.of(Thread.class, codec::isRegistered); // REFUSED
 * }</pre>
 */
enum TypeKind {
    BUILT_IN,
    RECORD,
    ENUM,
    SEALED,
    OPEN,
    REFUSED;

    /** JDK types that values are declared as, whose runtime classes are Warren's built-in ones. */
    private static final Set<Class<?>> OPEN_JDK_TYPES =
            Set.of(
                    Object.class,
                    Number.class,
                    CharSequence.class,
                    Collection.class,
                    List.class,
                    Set.class,
                    SortedSet.class,
                    NavigableSet.class,
                    Queue.class,
                    Deque.class,
                    Map.class,
                    SortedMap.class,
                    NavigableMap.class,
                    ConcurrentMap.class,
                    ConcurrentNavigableMap.class,
                    Map.Entry.class,
                    EnumSet.class,
                    ZoneId.class);

    static TypeKind of(Class<?> type, Predicate<Class<?>> travels) {
        if (travels.test(type)) {
            return BUILT_IN;
        }
        if (type.isRecord()) {
            return RECORD;
        }
        if (type.isEnum()) {
            return ENUM;
        }
        if (type.isSealed() && (type.isInterface() || Modifier.isAbstract(type.getModifiers()))) {
            return SEALED;
        }
        if (OPEN_JDK_TYPES.contains(type)) {
            return OPEN;
        }
        return REFUSED;
    }

    /** Why a refused type cannot travel, as the end of a sentence naming it. */
    static String whyNot(Class<?> type) {
        if (Thread.class.isAssignableFrom(type) || AutoCloseable.class.isAssignableFrom(type)) {
            return "which is state of this process (a thread, a stream, a connection) and cannot be"
                    + " sent; send the data it reads or names instead";
        }
        if (type.isInterface()) {
            return "an interface that is neither sealed nor a JDK collection, so the classes of"
                    + " its values are unknown; seal it (sealed interface ... permits ...)";
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return "an abstract class that is not sealed, so the classes of its values are unknown";
        }
        return "a class that is neither a record, an enum, nor a JDK type Warren supports";
    }
}
