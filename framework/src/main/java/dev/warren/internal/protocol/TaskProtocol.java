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
import java.util.Map;

/**
 * Every message of the task path, built in one place: the task, its retry, the success and failure
 * replies, the dead letter (sealed by the worker) and an operator's resubmission; and a reply read
 * back into a {@link Reply}. The client and the worker both speak through it, so a new signed field
 * is one change here.
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
            Map.of(
                    RemoteFailure.class,
                    RemoteFailure.KRYO_ID,
                    DeadLetterRecord.class,
                    DeadLetterRecord.KRYO_ID,
                    TaskRefusal.class,
                    TaskRefusal.KRYO_ID);

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
     * @param queue the logical queue it is signed for and sent to
     */
    public record Submission(Task<?> task, TaskId id, String replyTo, String queue) {
        public Submission {
            TaskDefinition.checkQueueName(queue);
        }

        /** To the queue of the task's {@code @TaskOptions}. */
        public Submission(Task<?> task, TaskId id, String replyTo) {
            this(task, id, replyTo, TaskDefinition.of(task.getClass()).queue());
        }
    }

    /** What a task is signed for: to run from the logical queue {@code queue}. */
    public static Binding taskOn(String queue) {
        return Binding.of(queue, "task");
    }

    /** What a reply is signed for: to answer task {@code taskId} on {@code replyQueue}. */
    public static Binding replyFor(String taskId, String replyQueue) {
        return Binding.of(replyQueue, "reply:" + taskId);
    }

    /**
     * What a dead letter is signed for: to wait in {@code deadLetterQueue} as a letter of the
     * logical queue {@code queue}.
     */
    public static Binding deadLetterOn(String deadLetterQueue, String queue) {
        return Binding.of(deadLetterQueue, "dead-letter:" + queue);
    }

    public Envelope task(Submission submission) {
        return sealer.seal(
                new Heading(
                        submission.id().toString(),
                        submission.task().getClass().getName(),
                        clock.millis(),
                        submission.replyTo(),
                        1,
                        taskOn(submission.queue())),
                submission.task());
    }

    /** A task to publish for the first time whose code travels in bundle {@code bundleHash}. */
    public Envelope task(Submission submission, String bundleHash) {
        return sealer.seal(
                new Heading(
                        submission.id().toString(),
                        submission.task().getClass().getName(),
                        clock.millis(),
                        submission.replyTo(),
                        1,
                        ShippedTaskBinding.on(submission.queue(), bundleHash)),
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

    /** The reply saying that a worker verified the task and then refused it. */
    public Envelope refusal(Envelope task, TaskRefusal refusal) {
        return reply(task, Headers.REPLY_REFUSED, refusal);
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

    /**
     * A dead letter of the logical queue {@code queue}, sealed by this process: a signed {@link
     * DeadLetterRecord} holding the original message, plus the old unsigned annotations for people
     * and tools that read headers only.
     */
    public Envelope deadLetter(
            Envelope message, String queue, String deadLetterQueue, DeadLetterNote note) {
        long now = clock.millis();
        DeadLetterRecord record =
                new DeadLetterRecord(
                        note.reason().name(),
                        note.detail() == null ? "" : note.detail(),
                        queue,
                        message.messageId(),
                        message.type(),
                        message.attempt(),
                        message.timestamp(),
                        message.replyTo(),
                        now,
                        note.worker(),
                        note.contentVerified(),
                        note.lastError(),
                        message.body(),
                        message.body().length);
        Heading heading =
                new Heading(
                        message.messageId() == null ? "unknown" : message.messageId(),
                        Headers.DEAD_LETTER,
                        now,
                        null,
                        Math.max(1, message.attempt()),
                        deadLetterOn(deadLetterQueue, queue));
        return sealFitting(heading, record).annotate(note.annotations(now));
    }

    /**
     * The stack trace and a long detail, then the original body, give way when the whole would
     * exceed the limit: a worker must always be able to dead-letter, or the message loops.
     */
    private Envelope sealFitting(Heading heading, DeadLetterRecord record) {
        try {
            return sealer.seal(heading, record);
        } catch (WarrenException tooLarge) {
            try {
                return sealer.seal(heading, record.shortened());
            } catch (WarrenException stillTooLarge) {
                return sealer.seal(heading, record.shortened().withoutBody());
            }
        }
    }

    /**
     * The record inside a dead letter taken from {@code deadLetterQueue}, once its signature and
     * binding verify.
     *
     * @throws RejectedMessageException when it does not verify, was sealed for another queue, or
     *     holds no dead-letter record
     */
    public DeadLetterRecord openDeadLetter(Envelope letter, String queue, String deadLetterQueue) {
        Object payload = sealer.open(letter, deadLetterOn(deadLetterQueue, queue));
        if (!Headers.DEAD_LETTER.equals(letter.type())
                || !(payload instanceof DeadLetterRecord record)) {
            throw new RejectedMessageException(
                    RejectReason.NOT_A_TASK,
                    "message "
                            + letter.messageId()
                            + " is not a dead letter ("
                            + letter.type()
                            + ")");
        }
        return record;
    }

    /**
     * The task inside a dead letter sent back to work on {@code queue} as a new task: a fresh id,
     * attempt 1, due now, signed with this process's current key, with {@code annotations} for
     * people. Only for a record whose content the worker verified.
     */
    public Envelope resubmission(
            DeadLetterRecord record,
            String queue,
            String newTaskId,
            Map<String, String> annotations) {
        Heading heading =
                new Heading(
                        newTaskId,
                        record.originalType(),
                        clock.millis(),
                        record.originalReplyTo(),
                        1,
                        taskOn(queue));
        Envelope bare =
                new Envelope(
                        Headers.WIRE_VERSION,
                        newTaskId,
                        record.originalType(),
                        heading.timestamp(),
                        record.originalReplyTo(),
                        1,
                        taskOn(queue),
                        null,
                        null,
                        record.originalBody(),
                        annotations);
        return sealer.reseal(bare, heading);
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
        if (Headers.REPLY_REFUSED.equals(reply.type()) && payload instanceof TaskRefusal r) {
            return new Reply.Refused(r);
        }
        return new Reply.NotForThisTask(
                "reply for task " + taskId + " has unknown type " + reply.type());
    }
}
