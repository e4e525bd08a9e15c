package dev.warren.worker;

import dev.warren.Task;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.RemoteFailure;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with each delivery: open it (size, signature, then decode), refuse replays and
 * expired messages, run the task under its timeout, then settle: reply and ack, retry through a
 * delay queue, or dead-letter. A delivery is acked only after everything it caused is confirmed by
 * the broker.
 */
final class TaskPipeline {
    private static final Logger log = LoggerFactory.getLogger(TaskPipeline.class);
    private static final int MAX_TRACE_CHARS = 16_000;
    private static final long DELAY_QUEUE_REDECLARE_MILLIS = Duration.ofMinutes(10).toMillis();

    private final BrokerLink broker;
    private final WarrenConfig config;
    private final WorkerConfig workerConfig;
    private final ScheduledExecutorService timer;
    private final ReplayMemory replays;
    private final WorkerMeters meters;
    private final Map<String, Long> delayQueuesDeclaredAt = new ConcurrentHashMap<>();

    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger unsettled = new AtomicInteger();
    volatile boolean stopping;
    volatile boolean forcedStop;

    TaskPipeline(BrokerLink broker, WorkerConfig workerConfig, ScheduledExecutorService timer) {
        this.broker = broker;
        this.config = broker.config();
        this.workerConfig = workerConfig;
        this.timer = timer;
        this.replays = new ReplayMemory(workerConfig.replayMemory());
        this.meters = new WorkerMeters(workerConfig.meterRegistry());
    }

    /** Runs on a worker thread. */
    void process(Delivery delivery, String queue) {
        if (stopping) {
            settle(delivery, Outcome.REQUEUE);
            return;
        }
        running.incrementAndGet();
        try {
            handle(delivery, queue);
        } catch (RuntimeException | LinkageError e) {
            if (delivery.redelivered()) {
                // the second time round it is a poison message, not bad luck: park it
                log.error(
                        "unexpected error on message {} from {} again",
                        delivery.envelope().messageId(),
                        queue,
                        e);
                deadLetter(delivery, queue, RejectReason.WORKER_ERROR, e.toString(), null);
            } else {
                log.error(
                        "unexpected error on message {} from {}; it goes back to the queue once",
                        delivery.envelope().messageId(),
                        queue,
                        e);
                settle(delivery, Outcome.REQUEUE);
            }
        } finally {
            running.decrementAndGet();
        }
    }

    private void handle(Delivery delivery, String queue) {
        Envelope envelope = delivery.envelope();
        Object payload;
        try {
            payload = broker.sealer().open(envelope);
            checkAge(envelope);
            if (!(payload instanceof Task<?>)
                    || !payload.getClass().getName().equals(envelope.type())) {
                throw new RejectedMessageException(
                        RejectReason.NOT_A_TASK,
                        "message "
                                + envelope.messageId()
                                + " says type "
                                + envelope.type()
                                + " but holds "
                                + (payload == null ? "null" : payload.getClass().getName()));
            }
            if (!isUuid(envelope.messageId())) {
                throw new RejectedMessageException(
                        RejectReason.NOT_A_TASK,
                        "message id " + envelope.messageId() + " is not a Warren task id (UUID)");
            }
            if (replays.isReplay(
                    envelope.messageId(), envelope.attempt(), delivery.redelivered())) {
                throw new RejectedMessageException(
                        RejectReason.REPLAYED,
                        "task "
                                + envelope.messageId()
                                + " attempt "
                                + envelope.attempt()
                                + " was already taken by this worker; this copy was published again");
            }
        } catch (RejectedMessageException e) {
            deadLetter(delivery, queue, e.reason(), e.getMessage(), null);
            return;
        }
        Task<?> task = (Task<?>) payload;
        TaskDefinition definition;
        try {
            definition = TaskDefinition.of(task.getClass());
        } catch (WarrenException e) {
            deadLetter(delivery, queue, RejectReason.NOT_A_TASK, e.getMessage(), null);
            return;
        }
        TaskId id = TaskId.parse(envelope.messageId());
        RunningTask context =
                new RunningTask(
                        id,
                        envelope.attempt(),
                        definition.maxAttempts(),
                        delivery.redelivered(),
                        Instant.now().plus(definition.timeout()),
                        queue,
                        workerConfig.services());
        meters.started(envelope.type(), queue, System.currentTimeMillis() - envelope.timestamp());
        long runStart = System.nanoTime();
        Attempt attempt = run(task, context, definition.timeout());
        meters.ran(envelope.type(), queue, System.nanoTime() - runStart, attempt.failure == null);
        if (attempt.failure == null) {
            succeed(delivery, envelope, attempt.result, definition);
        } else if (forcedStop && attempt.interrupted) {
            log.info(
                    "task {} {} interrupted by shutdown; back to the queue",
                    simple(envelope.type()),
                    id);
            settle(delivery, Outcome.REQUEUE);
        } else {
            fail(delivery, queue, envelope, attempt.failure, definition);
        }
    }

    private void checkAge(Envelope envelope) {
        long now = System.currentTimeMillis();
        long age = now - envelope.timestamp();
        if (age > config.maxMessageAge().toMillis()) {
            throw new RejectedMessageException(
                    RejectReason.EXPIRED,
                    "task "
                            + envelope.messageId()
                            + " was due "
                            + Duration.ofMillis(age)
                            + " ago, longer than maxMessageAge ("
                            + config.maxMessageAge()
                            + "): refused as a possible replay");
        }
        if (-age > config.maxClockSkew().toMillis()) {
            throw new RejectedMessageException(
                    RejectReason.EXPIRED,
                    "task "
                            + envelope.messageId()
                            + " is dated "
                            + Duration.ofMillis(-age)
                            + " in the future, more than maxClockSkew ("
                            + config.maxClockSkew()
                            + ")");
        }
    }

    private static final class Attempt {
        Object result;
        Throwable failure;
        boolean interrupted;
        boolean finished;
        boolean timedOut;
    }

    private Attempt run(Task<?> task, RunningTask context, Duration timeout) {
        Attempt attempt = new Attempt();
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> alarm =
                timer.schedule(
                        () -> {
                            synchronized (attempt) {
                                if (!attempt.finished) {
                                    attempt.timedOut = true;
                                    runner.interrupt();
                                }
                            }
                        },
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        try {
            attempt.result = task.run(context);
        } catch (InterruptedException e) {
            attempt.failure = e;
            attempt.interrupted = true;
        } catch (Throwable e) {
            attempt.failure = e;
        } finally {
            alarm.cancel(false);
            synchronized (attempt) {
                attempt.finished = true;
            }
            if (Thread.interrupted()) {
                attempt.interrupted = true;
            }
        }
        if (attempt.timedOut) {
            TimeoutException timedOut =
                    new TimeoutException(
                            "task ran longer than its timeout of "
                                    + timeout.toSeconds()
                                    + "s and was interrupted");
            if (attempt.failure != null) {
                timedOut.initCause(attempt.failure);
            }
            attempt.failure = timedOut;
            attempt.result = null;
            attempt.interrupted = false;
        }
        return attempt;
    }

    private void succeed(
            Delivery delivery, Envelope envelope, Object result, TaskDefinition definition) {
        if (envelope.replyTo() == null) {
            succeeded.incrementAndGet();
            meters.succeeded(envelope.type(), definition.queue());
            settle(delivery, Outcome.ACK);
            return;
        }
        Envelope reply;
        try {
            reply = sealReply(result, envelope, Headers.REPLY_SUCCEEDED);
        } catch (WarrenException e) {
            // the result itself cannot travel (not registered, too large): a failure no retry can
            // fix
            Throwable failure =
                    new IllegalStateException(
                            "the result cannot be sent back: " + e.getMessage(), e);
            failed.incrementAndGet();
            meters.failed(envelope.type(), definition.queue());
            finish(delivery, envelope, definition, failure);
            return;
        }
        succeeded.incrementAndGet();
        meters.succeeded(envelope.type(), definition.queue());
        log.debug("task {} {} succeeded", simple(envelope.type()), envelope.messageId());
        settleAfter(delivery, () -> publishReply(envelope, reply));
    }

    private void fail(
            Delivery delivery,
            String queue,
            Envelope envelope,
            Throwable failure,
            TaskDefinition definition) {
        java.util.Optional<Duration> retry =
                RetryPolicy.retryAfter(definition, envelope.attempt(), failure);
        if (retry.isPresent()) {
            Duration delay = retry.get();
            log.warn(
                    "task {} {} failed on attempt {} of {}: {}; retrying in {} ms",
                    simple(envelope.type()),
                    envelope.messageId(),
                    envelope.attempt(),
                    definition.maxAttempts(),
                    oneLine(failure),
                    delay.toMillis());
            retried.incrementAndGet();
            meters.retried(envelope.type(), queue);
            settleAfter(delivery, () -> publishRetry(queue, envelope, delay));
            return;
        }
        failed.incrementAndGet();
        meters.failed(envelope.type(), queue);
        log.warn(
                "task {} {} failed on attempt {} of {}{}: {}",
                simple(envelope.type()),
                envelope.messageId(),
                envelope.attempt(),
                definition.maxAttempts(),
                definition.isRetryable(failure) ? "" : " (not retryable)",
                oneLine(failure));
        finish(delivery, envelope, definition, failure);
    }

    /**
     * The task failed for good: tell the caller, and keep the message with its history (attempts,
     * last error) in the dead-letter queue.
     */
    private void finish(
            Delivery delivery, Envelope envelope, TaskDefinition definition, Throwable failure) {
        meters.deadLettered(envelope.type(), definition.queue(), RejectReason.FAILED.name());
        RemoteFailure report =
                RemoteFailure.of(failure, envelope.attempt(), definition.maxAttempts());
        String trace = report.stackTrace();
        String lastError =
                trace.length() > MAX_TRACE_CHARS ? trace.substring(0, MAX_TRACE_CHARS) : trace;
        settleAfter(
                delivery,
                () -> {
                    CompletableFuture<Void> replied =
                            envelope.replyTo() == null
                                    ? CompletableFuture.completedFuture(null)
                                    : publishReply(
                                            envelope,
                                            sealReply(report, envelope, Headers.REPLY_FAILED));
                    CompletableFuture<Void> kept =
                            publishDeadLetter(
                                    delivery.queue(),
                                    envelope,
                                    RejectReason.FAILED,
                                    oneLine(failure),
                                    lastError);
                    return CompletableFuture.allOf(replied, kept);
                });
    }

    private CompletableFuture<Void> publishRetry(String queue, Envelope envelope, Duration delay) {
        Envelope again = broker.protocol().retry(envelope, delay.toMillis());
        if (delay.isZero()) {
            return broker.publish(Topology.workQueue(queue), again, true);
        }
        String delayQueue = Topology.delayQueue(queue, delay);
        long now = System.currentTimeMillis();
        Long declaredAt = delayQueuesDeclaredAt.get(delayQueue);
        if (declaredAt == null || now - declaredAt > DELAY_QUEUE_REDECLARE_MILLIS) {
            broker.topology().declareDelayQueue(queue, delay);
            delayQueuesDeclaredAt.put(delayQueue, now);
        }
        return broker.publish(delayQueue, again, true);
    }

    private Envelope sealReply(Object body, Envelope task, String kind) {
        return Headers.REPLY_FAILED.equals(kind)
                ? broker.protocol().failure(task, (RemoteFailure) body)
                : broker.protocol().success(task, body);
    }

    /**
     * Not mandatory: a client that is gone for good has nobody to tell, and that must not block the
     * ack.
     */
    private CompletableFuture<Void> publishReply(Envelope task, Envelope reply) {
        return broker.publish(task.replyTo(), reply, false);
    }

    private CompletableFuture<Void> publishDeadLetter(
            String brokerQueue,
            Envelope envelope,
            RejectReason reason,
            String detail,
            String lastError) {
        Map<String, String> notes = new java.util.HashMap<>();
        notes.put(Headers.DEAD_REASON, reason.name());
        notes.put(Headers.DEAD_DETAIL, detail == null ? "" : detail);
        notes.put(Headers.ORIGIN_QUEUE, brokerQueue);
        notes.put(Headers.DEAD_AT, Long.toString(System.currentTimeMillis()));
        if (lastError != null) {
            notes.put(Headers.LAST_ERROR, lastError);
        }
        return broker.publish(brokerQueue + ".dead", envelope.annotate(notes), true);
    }

    private void deadLetter(
            Delivery delivery, String queue, RejectReason reason, String detail, String lastError) {
        rejected.incrementAndGet();
        meters.deadLettered(WorkerMeters.UNVERIFIED, queue, reason.name());
        log.warn(
                "refused message {} on {}: {}: {}",
                delivery.envelope().messageId(),
                queue,
                reason,
                detail);
        CompletableFuture<Void> kept;
        try {
            kept =
                    publishDeadLetter(
                            delivery.queue(), delivery.envelope(), reason, detail, lastError);
        } catch (RuntimeException e) {
            kept = CompletableFuture.failedFuture(e);
        }
        kept.whenComplete(
                (ok, error) -> {
                    if (error == null) {
                        settle(delivery, Outcome.ACK);
                    } else {
                        // the queue's own dead-letter settings still keep it, without the reason
                        // header
                        log.warn(
                                "could not annotate dead letter {}: {}",
                                delivery.envelope().messageId(),
                                error.toString());
                        settle(delivery, Outcome.DISCARD);
                    }
                });
    }

    private void settleAfter(Delivery delivery, CompletableFuture<Void> published) {
        published.whenComplete(
                (ok, error) -> {
                    if (error == null) {
                        settle(delivery, Outcome.ACK);
                    } else {
                        log.warn(
                                "message {} goes back to the queue: its outcome could not be published: {}",
                                delivery.envelope().messageId(),
                                error.toString());
                        settle(delivery, Outcome.REQUEUE);
                    }
                });
    }

    private void settleAfter(
            Delivery delivery, java.util.function.Supplier<CompletableFuture<Void>> publish) {
        CompletableFuture<Void> published;
        try {
            published = publish.get();
        } catch (RuntimeException e) {
            published = CompletableFuture.failedFuture(e);
        }
        settleAfter(delivery, published);
    }

    enum Outcome {
        ACK,
        REQUEUE,
        DISCARD
    }

    private void settle(Delivery delivery, Outcome outcome) {
        switch (outcome) {
            case ACK -> delivery.ack();
            case REQUEUE -> delivery.requeue();
            case DISCARD -> delivery.discard();
        }
        unsettled.decrementAndGet();
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static boolean isUuid(String text) {
        try {
            TaskId.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String simple(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }
}
