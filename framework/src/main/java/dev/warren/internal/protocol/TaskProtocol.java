package dev.warren.internal.protocol;

import dev.warren.Task;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Every message of the task path, built in one place: the task, its retry, the success and failure
 * replies, the dead letter and an operator's resubmission; and a reply read back into a {@link
 * Reply}. The client and the worker both speak through it, so a new signed field is one change
 * here.
 *
 * <pre>{@code
 * Envelope task = protocol.task(new Submission(new SumPrimes(10), TaskId.random(), replyQueue));
 * Envelope reply = protocol.success(task, 17L);
 * Reply read = protocol.readReply(reply, task.messageId());   // Reply.Succeeded[value=17]
 * }</pre>
 */
public final class TaskProtocol {
    /** Warren's own wire records, with Kryo ids below the application range. */
    public static final Map<Class<?>, Integer> WIRE_TYPES =
            Map.of(RemoteFailure.class, RemoteFailure.KRYO_ID);

    private final MessageSealer sealer;
    private final Clock clock;

    public TaskProtocol(MessageSealer sealer, Clock clock) {
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * A task to publish for the first time.
     *
     * @param replyTo the client's reply queue, or null when nobody waits for the result
     */
    public record Submission(Task<?> task, TaskId id, String replyTo) {}

    /** Why and where a message is dead-lettered; travels as unsigned annotations. */
    public record DeadLetterNote(
            RejectReason reason, String detail, String originQueue, String lastError) {}

    /** What a task is signed for: to run from the logical queue {@code queue}. */
    public static Binding taskOn(String queue) {
        return Binding.of(queue, "task");
    }

    /**
     * What a reply is signed for: to answer task {@code taskId} on the queue {@code replyQueue}.
     */
    public static Binding replyFor(String taskId, String replyQueue) {
        return Binding.of(replyQueue, "reply:" + taskId);
    }

    public Envelope task(Submission submission) {
        return sealer.seal(
                new Heading(
                        submission.id().toString(),
                        submission.task().getClass().getName(),
                        clock.millis(),
                        submission.replyTo(),
                        1,
                        taskOn(TaskDefinition.of(submission.task().getClass()).queue())),
                submission.task());
    }

    /** The same task, signed again for its next attempt, due {@code delayMillis} from now. */
    public Envelope retry(Envelope task, long delayMillis) {
        return sealer.reseal(
                task,
                new Heading(
                        task.messageId(),
                        task.type(),
                        clock.millis() + delayMillis,
                        task.replyTo(),
                        task.attempt() + 1,
                        task.binding()));
    }

    /**
     * The reply carrying a task's result.
     *
     * @throws dev.warren.WarrenException when the result cannot be encoded or is too large
     */
    public Envelope success(Envelope task, Object result) {
        return reply(task, Headers.REPLY_SUCCEEDED, result);
    }

    /**
     * The reply saying that a task failed for good. One whose stack trace makes it too large for
     * the body limit goes without the trace, so the caller still learns the failure.
     */
    public Envelope failure(Envelope task, RemoteFailure failure) {
        try {
            return reply(task, Headers.REPLY_FAILED, failure);
        } catch (WarrenException tooLarge) {
            return reply(task, Headers.REPLY_FAILED, failure.withoutStackTrace());
        }
    }

    private Envelope reply(Envelope task, String kind, Object body) {
        return sealer.seal(
                new Heading(
                        task.messageId(),
                        kind,
                        clock.millis(),
                        null,
                        task.attempt(),
                        replyFor(task.messageId(), task.replyTo())),
                body);
    }

    /** The message as it was, annotated with why it is dead and when: never re-signed. */
    public Envelope deadLetter(Envelope message, DeadLetterNote note) {
        Map<String, String> notes = new HashMap<>();
        notes.put(Headers.DEAD_REASON, note.reason().name());
        notes.put(Headers.DEAD_DETAIL, note.detail() == null ? "" : note.detail());
        notes.put(Headers.ORIGIN_QUEUE, note.originQueue());
        notes.put(Headers.DEAD_AT, Long.toString(clock.millis()));
        if (note.lastError() != null) {
            notes.put(Headers.LAST_ERROR, note.lastError());
        }
        return message.annotate(notes);
    }

    /**
     * A dead letter sent back to work on {@code queue} as a new task: a fresh id, attempt 1, due
     * now, signed with this process's current key, with {@code annotations} for people.
     */
    public Envelope resubmission(
            Envelope deadLetter, String queue, String newTaskId, Map<String, String> annotations) {
        Envelope bare =
                new Envelope(
                        deadLetter.version() == 0 ? Headers.WIRE_VERSION : deadLetter.version(),
                        newTaskId,
                        deadLetter.type(),
                        deadLetter.timestamp(),
                        deadLetter.replyTo(),
                        1,
                        taskOn(queue),
                        null,
                        null,
                        deadLetter.body(),
                        annotations);
        return sealer.reseal(
                bare,
                new Heading(
                        newTaskId,
                        deadLetter.type(),
                        clock.millis(),
                        deadLetter.replyTo(),
                        1,
                        taskOn(queue)));
    }

    /**
     * What a message on the reply queue {@code replyQueue} says about the task {@code taskId}.
     * Never throws: a reply that does not verify, or that was signed for another task or queue, is
     * {@link Reply.NotForThisTask}.
     */
    public Reply readReply(Envelope reply, String taskId, String replyQueue) {
        if (taskId == null || !taskId.equals(reply.messageId())) {
            return new Reply.NotForThisTask(
                    "reply for " + reply.messageId() + ", not for task " + taskId);
        }
        Object payload;
        try {
            payload = sealer.open(reply, replyFor(taskId, replyQueue));
        } catch (RejectedMessageException e) {
            return new Reply.NotForThisTask(e.reason() + ": " + e.getMessage());
        }
        if (Headers.REPLY_SUCCEEDED.equals(reply.type())) {
            return new Reply.Succeeded(payload);
        }
        if (Headers.REPLY_FAILED.equals(reply.type()) && payload instanceof RemoteFailure f) {
            return new Reply.Failed(f);
        }
        return new Reply.NotForThisTask(
                "reply for task " + taskId + " has unknown type " + reply.type());
    }
}
