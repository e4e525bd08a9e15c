package dev.warren.client;

import dev.warren.Task;
import dev.warren.internal.protocol.TaskDefinition;
import java.util.Optional;

/**
 * Where one submission goes, when not to the queue of its task's {@code @TaskOptions}: the task is
 * signed for that queue and sent to it, and a worker consuming that queue runs it (a worker runs a
 * task type it knows from any queue it consumes). Retries and dead letters stay on that queue.
 *
 * <pre>{@code
 * client.submit(new MakeThumbnail(path), SubmitOptions.onQueue("thumbs-urgent"));
 * client.enqueue(new MakeThumbnail(path), SubmitOptions.onQueue("thumbs-batch"));
 * }</pre>
 */
public final class SubmitOptions {
    private static final SubmitOptions DEFAULTS = new SubmitOptions(null);

    private final String queue;

    private SubmitOptions(String queue) {
        this.queue = queue;
    }

    /** To the queue of the task's {@code @TaskOptions}. */
    public static SubmitOptions defaults() {
        return DEFAULTS;
    }

    /** To the logical queue {@code queue} (without the {@code warren.} prefix). */
    public static SubmitOptions onQueue(String queue) {
        return new SubmitOptions(TaskDefinition.checkQueueName(queue));
    }

    /** The queue asked for, empty for the task's own. */
    public Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    /** The logical queue {@code task} goes to with these options; checks the task's options. */
    String queueOf(Task<?> task) {
        String own = TaskDefinition.of(task.getClass()).queue();
        return queue != null ? queue : own;
    }

    @Override
    public String toString() {
        return queue == null
                ? "SubmitOptions[task's own queue]"
                : "SubmitOptions[queue=" + queue + "]";
    }
}
