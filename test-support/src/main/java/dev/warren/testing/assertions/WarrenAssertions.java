package dev.warren.testing.assertions;

import dev.warren.Broker;
import dev.warren.client.TaskHandle;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Entry points of the kit's assertions: on a task's handle, and on the dead letters of a queue
 * (read with {@code dev.warren.ops.DeadLetters}, which puts them back).
 *
 * <pre>{@code
 * import static dev.warren.testing.assertions.WarrenAssertions.assertThat;
 * import static dev.warren.testing.assertions.WarrenAssertions.assertThatDeadLetters;
 *
 * assertThat(client.submit(new Checksum(bytes))).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(expected);
 * assertThatDeadLetters(broker, "checksums")
 *         .extracting(DeadLetter::reason, DeadLetter::type)
 *         .containsExactly(tuple("FAILED", Broken.class.getName()));
 * }</pre>
 */
public final class WarrenAssertions {
    private WarrenAssertions() {}

    public static <R> TaskHandleAssert<R> assertThat(TaskHandle<R> handle) {
        return new TaskHandleAssert<>(handle);
    }

    /** The dead letters of the logical {@code queue} now, oldest first (at most 1,000). */
    public static List<DeadLetter> deadLetters(Broker broker, String queue) {
        return DeadLetters.of(broker).list(queue, 1000);
    }

    /** Asserts on {@link #deadLetters(Broker, String)}. */
    public static ListAssert<DeadLetter> assertThatDeadLetters(Broker broker, String queue) {
        return Assertions.assertThat(deadLetters(broker, queue));
    }
}
