package dev.warren.internal.protocol;

import dev.warren.ConfigurationException;
import dev.warren.Task;
import dev.warren.TaskOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The options of a task class, read once from its {@link TaskOptions} annotation (or the defaults)
 * and checked, so that a wrong value fails when the class is first used and not on a worker at 3
 * a.m.
 *
 * <pre>{@code
 * TaskDefinition d = TaskDefinition.of(SumPrimes.class);
 * d.queue();        // "primes"
 * d.maxAttempts();  // 3
 * }</pre>
 */
public record TaskDefinition(
        Class<?> type,
        String queue,
        int maxAttempts,
        Duration timeout,
        Duration retryDelay,
        List<Class<? extends Throwable>> nonRetryable) {

    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final ClassValue<TaskDefinition> CACHE =
            new ClassValue<>() {
                @Override
                protected TaskDefinition computeValue(Class<?> type) {
                    return read(type);
                }
            };

    public TaskDefinition {
        Objects.requireNonNull(type, "type");
        nonRetryable = List.copyOf(nonRetryable);
    }

    /**
     * The definition of a task class; throws {@link ConfigurationException} naming the bad option.
     */
    public static TaskDefinition of(Class<?> type) {
        return CACHE.get(type);
    }

    /** Whether a failure with this exception may be retried (attempts permitting). */
    public boolean isRetryable(Throwable failure) {
        return nonRetryable.stream().noneMatch(t -> t.isInstance(failure));
    }

    /** Checks a logical queue name; the broker queue is {@code warren.<name>}. */
    public static String checkQueueName(String name) {
        if (name == null || !QUEUE_NAME.matcher(name).matches()) {
            throw new ConfigurationException(
                    "queue name must be 1-201 characters of letters, digits, '.', '_' or '-', starting"
                            + " with a letter or digit, was: "
                            + name);
        }
        return name;
    }

    private static TaskDefinition read(Class<?> type) {
        if (!Task.class.isAssignableFrom(type)) {
            throw new ConfigurationException(
                    type.getName() + " does not implement " + Task.class.getName());
        }
        TaskOptions options = type.getAnnotation(TaskOptions.class);
        if (options == null) {
            options = Defaults.class.getAnnotation(TaskOptions.class);
        }
        String where = " in @TaskOptions of " + type.getName();
        try {
            checkQueueName(options.queue());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.getMessage() + where);
        }
        if (options.maxAttempts() < 1) {
            throw new ConfigurationException(
                    "maxAttempts must be at least 1, was " + options.maxAttempts() + where);
        }
        if (options.timeoutSeconds() < 1) {
            throw new ConfigurationException(
                    "timeoutSeconds must be at least 1, was " + options.timeoutSeconds() + where);
        }
        if (options.retryDelayMillis() < 0) {
            throw new ConfigurationException(
                    "retryDelayMillis must not be negative, was "
                            + options.retryDelayMillis()
                            + where);
        }
        return new TaskDefinition(
                type,
                options.queue(),
                options.maxAttempts(),
                Duration.ofSeconds(options.timeoutSeconds()),
                Duration.ofMillis(options.retryDelayMillis()),
                List.of(options.nonRetryable()));
    }

    @TaskOptions
    private static final class Defaults {}
}
