package dev.warren.benchmarks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/**
 * A task that does nothing with its payload and answers with its length: what is left is Warren's
 * own cost (encode, sign, publish, confirm, deliver, verify, decode, reply, ack).
 *
 * <pre>{@code
 * int length = client.submit(new NoopTask(new byte[100])).await(Duration.ofSeconds(5));
 * }</pre>
 */
@TaskOptions(queue = NoopTask.QUEUE, timeoutSeconds = 60)
public record NoopTask(byte[] payload) implements Task<Integer> {
    /** The logical queue; the broker queue is {@code warren.bench-noop}. */
    public static final String QUEUE = "bench-noop";

    @Override
    public Integer run(TaskContext context) {
        return payload.length;
    }
}
