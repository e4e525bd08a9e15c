package dev.warren.internal.types;

import dev.warren.ConfigurationException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The classes a task class needs registered: itself, and every type reachable from its record
 * components' generic types and from its result type {@code R} of {@code Task<R>}: records, enums,
 * arrays and type arguments, recursively, and the permitted subclasses of sealed types. Types that
 * travel already (the codec's built-in ones) are not listed; a type that cannot travel is refused
 * with a sentence naming the task, where the type sits and the fix.
 *
 * <pre>{@code
 * Set<Class<?>> toRegister = TypeClosure.ofTask(Fetch.class, codec::isRegistered);
 * }</pre>
 */
public final class TypeClosure {
    private final Class<?> task;
    private final Predicate<Class<?>> travels;
    private final Set<Class<?>> found = new LinkedHashSet<>();
    private final Set<String> visited = new HashSet<>();

    private TypeClosure(Class<?> task, Predicate<Class<?>> travels) {
        this.task = task;
        this.travels = travels;
    }

    /**
     * The closure of a task class.
     *
     * @param travels whether values of exactly this class encode without registration
     * @throws ConfigurationException when the class is no record task, or a reachable type cannot
     *     travel
     */
    public static Set<Class<?>> ofTask(Class<?> taskClass, Predicate<Class<?>> travels) {
        TaskShape.check(taskClass);
        TypeClosure closure = new TypeClosure(taskClass, travels);
        closure.walk(taskClass, Map.of(), "the task itself");
        closure.walk(TaskShape.resultType(taskClass), Map.of(), "its result type");
        return closure.found;
    }

    /** The closure of a value type on its own (a record, enum or sealed type). */
    public static Set<Class<?>> ofValue(Class<?> type, Predicate<Class<?>> travels) {
        TypeClosure closure = new TypeClosure(type, travels);
        closure.walk(type, Map.of(), "the type itself");
        return closure.found;
    }

    private void walk(Type type, Map<TypeVariable<?>, Bound> env, String site) {
        if (type instanceof Class<?> c) {
            walkClass(c, Map.of(), site);
        } else if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            TypeVariable<?>[] params = raw.getTypeParameters();
            Map<TypeVariable<?>, Bound> inner = new HashMap<>();
            for (int i = 0; i < params.length && i < args.length; i++) {
                inner.put(params[i], new Bound(args[i], env));
            }
            walkClass(raw, inner, site);
        } else if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), env, site);
            // the array class itself: its erasure is registered under the erased component
            Class<?> erased = erasure(a, env);
            if (erased != null && !travels.test(erased)) {
                found.add(erased);
            }
        } else if (type instanceof TypeVariable<?> v) {
            Bound bound = env.get(v);
            if (bound != null) {
                walk(bound.type(), bound.env(), site);
            } else {
                for (Type upper : v.getBounds()) {
                    walk(upper, env, site);
                }
            }
        } else if (type instanceof WildcardType w) {
            for (Type upper : w.getUpperBounds()) {
                walk(upper, env, site);
            }
            for (Type lower : w.getLowerBounds()) {
                walk(lower, env, site);
            }
        }
    }

    private void walkClass(Class<?> type, Map<TypeVariable<?>, Bound> env, String site) {
        if (!visited.add(key(type, env))) {
            return;
        }
        if (type.isPrimitive() || type == Void.class) {
            return;
        }
        if (type.isArray()) {
            walkClass(type.getComponentType(), Map.of(), site);
            addUnlessBuiltIn(type);
            return;
        }
        TypeKind kind = TypeKind.of(type, travels);
        switch (kind) {
            case BUILT_IN, OPEN -> walkArguments(type, env, site);
            case RECORD -> {
                addUnlessBuiltIn(type);
                for (RecordComponent component : type.getRecordComponents()) {
                    String where =
                            type == task ? "its component '" + component.getName() + "'" : site;
                    walk(component.getGenericType(), env, where);
                }
            }
            case ENUM -> addUnlessBuiltIn(type);
            case SEALED -> {
                for (Class<?> permitted : type.getPermittedSubclasses()) {
                    walkClass(permitted, Map.of(), site);
                }
            }
            case REFUSED -> throw refusal(type, site);
        }
    }

    private void walkArguments(Class<?> type, Map<TypeVariable<?>, Bound> env, String site) {
        for (TypeVariable<?> parameter : type.getTypeParameters()) {
            Bound bound = env.get(parameter);
            if (bound != null) {
                walk(bound.type(), bound.env(), site);
            }
        }
    }

    private void addUnlessBuiltIn(Class<?> type) {
        if (!travels.test(type)) {
            found.add(type);
        }
    }

    private ConfigurationException refusal(Class<?> type, String site) {
        String what = site.equals("the task itself") ? "it is" : site + " holds";
        return new ConfigurationException(
                task.getName()
                        + " cannot travel: "
                        + what
                        + " "
                        + type.getName()
                        + ", "
                        + TypeKind.whyNot(type)
                        + ". Make it a record (or an enum, or a sealed interface of records), or"
                        + " use a type Warren supports (see docs/concepts.md)");
    }

    private static Class<?> erasure(GenericArrayType array, Map<TypeVariable<?>, Bound> env) {
        Type component = array.getGenericComponentType();
        if (component instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).arrayType();
        }
        if (component instanceof GenericArrayType inner) {
            Class<?> erased = erasure(inner, env);
            return erased == null ? null : erased.arrayType();
        }
        if (component instanceof TypeVariable<?> v && env.get(v) != null) {
            Type bound = env.get(v).type();
            return bound instanceof Class<?> c ? c.arrayType() : Object[].class;
        }
        return Object[].class;
    }

    private static String key(Class<?> type, Map<TypeVariable<?>, Bound> env) {
        StringBuilder key = new StringBuilder(type.getName());
        for (TypeVariable<?> parameter : type.getTypeParameters()) {
            Bound bound = env.get(parameter);
            key.append(',').append(bound == null ? "?" : describe(bound.type(), bound.env()));
        }
        return key.toString();
    }

    private static String describe(Type type, Map<TypeVariable<?>, Bound> env) {
        if (type instanceof TypeVariable<?> v) {
            Bound bound = env.get(v);
            return bound == null ? v.getName() : describe(bound.type(), bound.env());
        }
        if (type instanceof ParameterizedType p) {
            StringBuilder text = new StringBuilder(p.getRawType().getTypeName()).append('<');
            for (Type arg : p.getActualTypeArguments()) {
                text.append(describe(arg, env)).append(',');
            }
            return text.append('>').toString();
        }
        if (type instanceof GenericArrayType a) {
            return describe(a.getGenericComponentType(), env) + "[]";
        }
        return type.getTypeName();
    }

    /** A type argument and the bindings it is to be read under. */
    private record Bound(Type type, Map<TypeVariable<?>, Bound> env) {}
}
