package dev.warren.internal.types;

import dev.warren.ConfigurationException;
import dev.warren.Task;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Whether a class can be a task on the wire (a named record implementing {@link Task}), and its
 * declared result type {@code R}.
 *
 * <pre>{@code
 * TaskShape.check(task.getClass());        // refuses a lambda with a sentence saying what to write
 * Type r = TaskShape.resultType(Fetch.class); // Page.class for Fetch implements Task<Page>
 * }</pre>
 */
public final class TaskShape {
    private TaskShape() {}

    /**
     * @throws ConfigurationException for a lambda, anonymous, local or hidden class, or a class
     *     that is not a record implementing Task
     */
    public static void check(Class<?> type) {
        if (type.isSynthetic() || type.isHidden() || type.isAnonymousClass()) {
            throw new ConfigurationException(
                    type.getName()
                            + " is a lambda/anonymous class: write a record implementing Task,"
                            + " for example record SumPrimes(long below) implements Task<Long>");
        }
        if (type.isLocalClass()) {
            throw new ConfigurationException(
                    type.getName()
                            + " is a local class (declared inside a method), whose name is not"
                            + " stable: declare the record at top level or nested in a class");
        }
        if (!Task.class.isAssignableFrom(type)) {
            throw new ConfigurationException(
                    type.getName() + " does not implement " + Task.class.getName());
        }
        if (!type.isRecord()) {
            throw new ConfigurationException(
                    type.getName()
                            + " is not a record: write the task as a record implementing Task"
                            + " (its components are what travels)");
        }
    }

    /** The {@code R} of {@code Task<R>} as the class declares it ({@code Object} if raw). */
    public static Type resultType(Class<?> type) {
        Type found = find(type);
        return found == null ? Object.class : found;
    }

    private static Type find(Type type) {
        Class<?> raw =
                type instanceof ParameterizedType p
                        ? (Class<?>) p.getRawType()
                        : type instanceof Class<?> c ? c : null;
        if (raw == null) {
            return null;
        }
        for (Type implemented : raw.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType p && p.getRawType() == Task.class) {
                return p.getActualTypeArguments()[0];
            }
            Type deeper = find(implemented);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
