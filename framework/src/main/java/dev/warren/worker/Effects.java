package dev.warren.worker;

import dev.warren.internal.protocol.DeadLetterNote;
import dev.warren.internal.protocol.RemoteFailure;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.BrokerNames;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectReason;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link Decision}: publishes what it says, and settles the delivery only after the
 * broker confirmed everything the decision published. A publish that fails gives the delivery back.
 */
final class Effects {
    private static final Logger log = LoggerFactory.getLogger(Effects.class);
    private static final int MAX_TRACE_CHARS = 16_000;
    private static final long DELAY_QUEUE_REDECLARE_MILLIS = Duration.ofMinutes(10).toMillis();

    private final WorkerPort port;
    private final BrokerNames names;
    private final TaskProtocol protocol;
    private final Clock clock;
    private final PipelineCounters counters;
    private final WorkerMeters meters;
    private final String worker;
    private final CallerNotices callers;
    private final Map<String, Long> delayQueuesDeclaredAt = new ConcurrentHashMap<>();

    Effects(
            WorkerPort port,
            TaskProtocol protocol,
            Clock clock,
            PipelineCounters counters,
            WorkerMeters meters,
            String worker,
            CallerNotices callers,
            BrokerNames names) {
        this.port = port;
        this.callers = callers;
        this.names = names;
        this.protocol = protocol;
        this.clock = clock;
        this.counters = counters;
        this.meters = meters;
        this.worker = worker;
    }

    /**
     * After a run: {@code queue} is the logical queue, {@code definition} the task's, {@code
     * replies} what seals its result (a shipped task's bundle brings its own result types).
     */
    void afterRun(
            Decision decision,
            Delivery delivery,
            TaskDefinition definition,
            String queue,
            TaskProtocol replies) {
        Envelope task = delivery.envelope();
        if (decision instanceof Decision.Reply reply) {
            Envelope sealed;
            try {
                sealed = replies.success(task, reply.result());
            } catch (RuntimeException e) {
                afterRun(OutcomeRules.unsendableResult(e), delivery, definition, queue, replies);
                return;
            }
            succeeded(task, definition);
            // not mandatory: a client gone for good has nobody to tell, and must not block the ack
            settleAfter(delivery, () -> port.publish(task.replyTo(), sealed, false));
        } else if (decision instanceof Decision.Acknowledge) {
            succeeded(task, definition);
            settle(delivery, Settlement.ACK);
        } else if (decision instanceof Decision.Retry retry) {
            retry(delivery, definition, queue, retry);
        } else if (decision instanceof Decision.GiveUp giveUp) {
            giveUp(delivery, definition, queue, giveUp.failure());
        } else {
            carryOut(decision, delivery, queue);
        }
    }

    /** Before or instead of a run: refusals and deliveries given back. */
    void carryOut(Decision decision, Delivery delivery, String queue) {
        if (decision instanceof Decision.Refuse refuse) {
            refuse(delivery, queue, refuse);
        } else if (decision instanceof Decision.GiveBack giveBack) {
            log.trace("message {} goes back to the queue: {}", id(delivery), giveBack.why());
            settle(delivery, Settlement.REQUEUE);
        } else {
            throw new IllegalArgumentException(decision + " needs the task's definition");
        }
    }

    private void succeeded(Envelope task, TaskDefinition definition) {
        counters.succeeded.incrementAndGet();
        meters.succeeded(task.type(), definition.queue());
        log.trace("task {} {} succeeded", simple(task.type()), SafeText.of(task.messageId()));
    }

    private void retry(
            Delivery delivery, TaskDefinition definition, String queue, Decision.Retry retry) {
        Envelope task = delivery.envelope();
        Duration delay = retry.delay();
        log.warn(
                "task {} {} failed on attempt {} of {}: {}; retrying in {} ms",
                simple(task.type()),
                SafeText.of(task.messageId()),
                task.attempt(),
                definition.maxAttempts(),
                SafeText.of(oneLine(retry.failure())),
                delay.toMillis());
        counters.retried.incrementAndGet();
        meters.retried(task.type(), queue);
        settleAfter(
                delivery,
                () -> {
                    Envelope again = protocol.retry(task, delay.toMillis());
                    if (delay.isZero()) {
                        return port.publish(names.workQueue(queue), again, true);
                    }
                    return port.publish(declaredDelayQueue(queue, delay), again, true);
                });
    }

    private String declaredDelayQueue(String queue, Duration delay) {
        String delayQueue = names.delayQueue(queue, delay);
        long now = clock.millis();
        Long declaredAt = delayQueuesDeclaredAt.get(delayQueue);
        if (declaredAt == null || now - declaredAt > DELAY_QUEUE_REDECLARE_MILLIS) {
            port.declareDelayQueue(queue, delay);
            delayQueuesDeclaredAt.put(delayQueue, now);
        }
        return delayQueue;
    }

    private void giveUp(
            Delivery delivery, TaskDefinition definition, String queue, Throwable failure) {
        Envelope task = delivery.envelope();
        log.warn(
                "task {} {} failed on attempt {} of {}{}: {}",
                simple(task.type()),
                SafeText.of(task.messageId()),
                task.attempt(),
                definition.maxAttempts(),
                definition.isRetryable(failure) ? "" : " (not retryable)",
                SafeText.of(oneLine(failure)));
        counters.failed.incrementAndGet();
        meters.failed(task.type(), queue);
        meters.deadLettered(task.type(), definition.queue(), RejectReason.FAILED.name());
        RemoteFailure report = RemoteFailure.of(failure, task.attempt(), definition.maxAttempts());
        String trace = report.stackTrace();
        String lastError =
                trace.length() > MAX_TRACE_CHARS ? trace.substring(0, MAX_TRACE_CHARS) : trace;
        settleAfter(
                delivery,
                () -> {
                    CompletableFuture<Void> replied =
                            task.replyTo() == null
                                    ? CompletableFuture.completedFuture(null)
                                    : port.publish(
                                            task.replyTo(), protocol.failure(task, report), false);
                    CompletableFuture<Void> kept =
                            publishDeadLetter(
                                    delivery,
                                    queue,
                                    new DeadLetterNote(
                                            RejectReason.FAILED,
                                            oneLine(failure),
                                            delivery.queue(),
                                            lastError,
                                            true,
                                            worker));
                    return CompletableFuture.allOf(replied, kept);
                });
    }

    private void refuse(Delivery delivery, String queue, Decision.Refuse refuse) {
        counters.rejected.incrementAndGet();
        meters.deadLettered(WorkerMeters.UNVERIFIED, queue, refuse.reason().name());
        log.warn(
                "refused message {} on {}: {}: {}",
                id(delivery),
                queue,
                refuse.reason(),
                SafeText.of(refuse.detail()));
        // if the annotated copy cannot be published, the queue's own dead-letter settings still
        // keep the message, without the reason
        settleAfter(
                delivery,
                () ->
                        CompletableFuture.allOf(
                                publishDeadLetter(
                                        delivery,
                                        queue,
                                        new DeadLetterNote(
                                                refuse.reason(),
                                                refuse.detail(),
                                                delivery.queue(),
                                                null,
                                                refuse.contentVerified(),
                                                worker)),
                                callers.tell(delivery.envelope(), refuse)),
                Settlement.DISCARD,
                "could not annotate dead letter {}: {}");
    }

    /** Sealed by this worker, for the dead-letter queue of the logical {@code queue}. */
    private CompletableFuture<Void> publishDeadLetter(
            Delivery delivery, String queue, DeadLetterNote note) {
        String deadLetterQueue = names.deadLetterQueue(queue);
        Envelope dead = protocol.deadLetter(delivery.envelope(), queue, deadLetterQueue, note);
        return port.publish(deadLetterQueue, dead, true);
    }

    private void settleAfter(Delivery delivery, Supplier<CompletableFuture<Void>> publish) {
        settleAfter(
                delivery,
                () -> OutcomeRetries.DEFAULT.publish(publish),
                Settlement.REQUEUE,
                "message {} goes back to the queue: its outcome could not be published: {}");
    }

    /** Acknowledges once {@code publish} is confirmed; settles {@code otherwise} if it fails. */
    private void settleAfter(
            Delivery delivery,
            Supplier<CompletableFuture<Void>> publish,
            Settlement otherwise,
            String warning) {
        CompletableFuture<Void> published;
        try {
            published = publish.get();
        } catch (RuntimeException e) {
            published = CompletableFuture.failedFuture(e);
        }
        published.whenComplete(
                (ok, error) -> {
                    if (error == null) {
                        settle(delivery, Settlement.ACK);
                    } else {
                        log.warn(warning, id(delivery), error.toString());
                        settle(delivery, otherwise);
                    }
                });
    }

    private enum Settlement {
        ACK,
        REQUEUE,
        DISCARD
    }

    private void settle(Delivery delivery, Settlement settlement) {
        switch (settlement) {
            case ACK -> delivery.ack();
            case REQUEUE -> delivery.requeue();
            case DISCARD -> delivery.discard();
        }
        counters.unsettled.decrementAndGet();
    }

    private static String id(Delivery delivery) {
        return SafeText.of(delivery.envelope().messageId());
    }

    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    static String simple(String type) {
        return type == null ? "?" : SafeText.of(type.substring(type.lastIndexOf('.') + 1));
    }
}
