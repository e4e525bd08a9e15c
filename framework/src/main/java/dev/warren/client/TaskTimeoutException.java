package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.time.Duration;

/**
 * No reply came within the time the caller was willing to wait. The task may still run, or have
 * run: its id tells which submission this was. The message says what the client saw of the task's
 * queue then: no worker consuming it, or workers that did not answer.
 *
 * <pre>{@code
 * try { handle.await(Duration.ofSeconds(5)); }
 * catch (TaskTimeoutException e) { log.info("still running: {}", e.taskId()); }
 * }</pre>
 */
public class TaskTimeoutException extends WarrenException {
    private static final long serialVersionUID = 1L;

    private final TaskId taskId;

    public TaskTimeoutException(TaskId taskId, String taskType, Duration waited) {
        this(taskId, taskType, waited, null);
    }

    /** {@code why}: what the client found out about the task's queue, or null. */
    public TaskTimeoutException(TaskId taskId, String taskType, Duration waited, String why) {
        super(
                "Task "
                        + taskType.substring(taskType.lastIndexOf('.') + 1)
                        + " "
                        + taskId
                        + " gave no reply within "
                        + waited
                        + (why == null ? "" : ": " + why));
        this.taskId = taskId;
    }

    public TaskId taskId() {
        return taskId;
    }
}
