package dev.warren;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a task goes and how hard Warren tries to run it. Tasks without the annotation use the
 * defaults.
 *
 * <pre>{@code
 * @TaskOptions(queue = "mail", maxAttempts = 5, timeoutSeconds = 20, nonRetryable = IllegalArgumentException.class)
 * public record SendMail(String to, String body) implements Task<Void> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskOptions {
    /** The logical queue name; the broker queue is {@code warren.<queue>}. */
    String queue() default "default";

    /** Attempts in all, the first included. 1 means no retry. */
    int maxAttempts() default 1;

    /** How long one attempt may run before the worker interrupts it. */
    int timeoutSeconds() default 300;

    /** The delay before the first retry; each later retry waits twice as long as the one before. */
    int retryDelayMillis() default 1000;

    /** Exceptions (and their subclasses) that fail the task at once, whatever attempts are left. */
    Class<? extends Throwable>[] nonRetryable() default {};
}
