package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;

/**
 * A task threw on the worker (on its last attempt, or with a non-retryable exception). Carries what
 * the worker saw, as strings: the remote exception type, message and stack trace, and the attempt.
 *
 * <pre>{@code
 * try { handle.await(Duration.ofMinutes(1)); }
 * catch (TaskFailedException e) {
 *     log.warn("{} failed remotely with {}: {}", e.taskId(), e.remoteType(), e.remoteMessage());
 * }
 * }</pre>
 */
public class TaskFailedException extends WarrenException {
    private static final long serialVersionUID = 1L;

    private final TaskId taskId;
    private final String taskType;
    private final String remoteType;
    private final String remoteMessage;
    private final String remoteStackTrace;
    private final int attempt;
    private final int maxAttempts;

    public TaskFailedException(
            TaskId taskId,
            String taskType,
            String remoteType,
            String remoteMessage,
            String remoteStackTrace,
            int attempt,
            int maxAttempts) {
        super(
                "Task "
                        + simpleName(taskType)
                        + " "
                        + taskId
                        + " failed on attempt "
                        + attempt
                        + " of "
                        + maxAttempts
                        + ": "
                        + remoteType
                        + (remoteMessage == null ? "" : ": " + remoteMessage));
        this.taskId = taskId;
        this.taskType = taskType;
        this.remoteType = remoteType;
        this.remoteMessage = remoteMessage;
        this.remoteStackTrace = remoteStackTrace;
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
    }

    public TaskId taskId() {
        return taskId;
    }

    /** The task's class name. */
    public String taskType() {
        return taskType;
    }

    /** The class name of the exception the task threw on the worker. */
    public String remoteType() {
        return remoteType;
    }

    public String remoteMessage() {
        return remoteMessage;
    }

    /** The worker-side stack trace, causes included. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }

    /** The attempt that failed, from 1. */
    public int attempt() {
        return attempt;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private static String simpleName(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }
}
