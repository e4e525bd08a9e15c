package dev.warren.worker;

import dev.warren.Task;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.ShippedTaskBinding;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.replay.ReplayVerdict;
import dev.warren.internal.replay.TakenKey;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.time.Duration;

/**
 * Whether a delivered message may run, in the only safe order: size, signature and that it was
 * signed as a task for this queue (inside {@link MessageSealer#open}, before anything is decoded),
 * decode, what it claims to be, age, and last whether the fleet took it already: that check records
 * it as taken, so nothing may refuse it after.
 */
final class Admission {
    private final MessageSealer sealer;
    private final TaskProtocol protocol;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final ReplayCheck replays;
    private final ShippedTasks shipped;

    Admission(
            MessageSealer sealer,
            TaskProtocol protocol,
            Clock clock,
            WarrenConfig config,
            ReplayCheck replays) {
        this(sealer, protocol, clock, config, replays, ShippedTasks.refusing());
    }

    /** {@code protocol} seals the results of the worker's own tasks; shipped ones bring theirs. */
    Admission(
            MessageSealer sealer,
            TaskProtocol protocol,
            Clock clock,
            WarrenConfig config,
            ReplayCheck replays,
            ShippedTasks shipped) {
        this.shipped = shipped;
        this.sealer = sealer;
        this.protocol = protocol;
        this.clock = clock;
        this.maxAge = config.maxMessageAge();
        this.maxSkew = config.maxClockSkew();
        this.replays = replays;
    }

    /** What admission says about one message. */
    sealed interface Verdict {}

    /** May run; {@code replies} seals its result. */
    record Admitted(
            Task<?> task, TaskDefinition definition, TaskId id, TakenKey key, TaskProtocol replies)
            implements Verdict {}

    /**
     * Must not run: dead-letter it with this reason; {@code contentVerified} when its signature,
     * destination and body checked out and a later check refused it.
     */
    record Refused(RejectReason reason, String detail, boolean contentVerified)
            implements Verdict {}

    /** {@code queue}: the logical queue it was taken from, the one it must be signed for. */
    Verdict admit(Envelope envelope, boolean redelivered, String queue) {
        boolean opened = false;
        try {
            Object payload;
            TaskProtocol replies = protocol;
            // the claim that its code is shipped is believed only once the signature covers it
            String bundle = ShippedTaskBinding.bundleOf(envelope.binding(), queue);
            if (bundle == null) {
                payload = sealer.open(envelope, TaskProtocol.taskOn(queue));
            } else {
                sealer.verifySignedFor(envelope, ShippedTaskBinding.on(queue, bundle));
                opened = true;
                ShippedTasks.Opened shippedTask = shipped.open(envelope, bundle);
                payload = shippedTask.payload();
                replies = shippedTask.replies();
            }
            opened = true;
            checkAge(envelope);
            Task<?> task = checkIsTask(envelope, payload);
            TaskId id = taskId(envelope);
            TakenKey key = TakenKey.of(id.value(), envelope.attempt());
            ReplayVerdict replay = replays.take(queue, key, envelope.timestamp(), redelivered);
            if (replay instanceof ReplayVerdict.Refuse refused) {
                return new Refused(refused.reason(), refused.detail(), true);
            }
            return new Admitted(task, TaskDefinition.of(task.getClass()), id, key, replies);
        } catch (RejectedMessageException e) {
            return new Refused(e.reason(), e.getMessage(), opened);
        } catch (WarrenException e) {
            return new Refused(RejectReason.NOT_A_TASK, e.getMessage(), opened);
        }
    }

    private void checkAge(Envelope envelope) {
        long age = clock.millis() - envelope.timestamp();
        if (age > maxAge.toMillis()) {
            throw new RejectedMessageException(
                    RejectReason.EXPIRED,
                    "task "
                            + envelope.messageId()
                            + " was due "
                            + Duration.ofMillis(age)
                            + " ago, longer than maxMessageAge ("
                            + maxAge
                            + "): refused as a possible replay");
        }
        if (-age > maxSkew.toMillis()) {
            throw new RejectedMessageException(
                    RejectReason.EXPIRED,
                    "task "
                            + envelope.messageId()
                            + " is dated "
                            + Duration.ofMillis(-age)
                            + " in the future, more than maxClockSkew ("
                            + maxSkew
                            + ")");
        }
    }

    private static Task<?> checkIsTask(Envelope envelope, Object payload) {
        if (payload instanceof Task<?> task && task.getClass().getName().equals(envelope.type())) {
            return task;
        }
        throw new RejectedMessageException(
                RejectReason.NOT_A_TASK,
                "message "
                        + envelope.messageId()
                        + " says type "
                        + envelope.type()
                        + " but holds "
                        + (payload == null ? "null" : payload.getClass().getName()));
    }

    private static TaskId taskId(Envelope envelope) {
        try {
            return TaskId.parse(envelope.messageId());
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException(
                    RejectReason.NOT_A_TASK,
                    "message id " + envelope.messageId() + " is not a Warren task id (UUID)");
        }
    }
}
