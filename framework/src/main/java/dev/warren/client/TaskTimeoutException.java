package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.time.Duration;

/**
 * No reply came within the time the caller was willing to wait. The task may still run, or have
 * run: its id tells which submission this was.
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
        super(
                "Task "
                        + taskType.substring(taskType.lastIndexOf('.') + 1)
                        + " "
                        + taskId
                        + " gave no reply within "
                        + waited);
        this.taskId = taskId;
    }

    public TaskId taskId() {
        return taskId;
    }
}
