package dev.warren.worker;

import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.wire.Envelope;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with each delivery: {@link Admission}, then a {@link TimedRun}, then the
 * {@link OutcomeRules} decide and {@link Effects} publish and settle. A delivery is acknowledged
 * only after everything it caused is confirmed by the broker.
 */
final class TaskPipeline {
    private static final Logger log = LoggerFactory.getLogger(TaskPipeline.class);

    private final Admission admission;
    private final ReplayCheck replays;
    private final TimedRun runner;
    private final Effects effects;
    private final Clock clock;
    private final PipelineCounters counters;
    private final WorkerMeters meters;
    private final WorkerConfig config;
    private volatile boolean stopping;
    private volatile boolean forcedStop;

    TaskPipeline(
            Admission admission,
            ReplayCheck replays,
            TimedRun runner,
            Effects effects,
            Clock clock,
            PipelineCounters counters,
            WorkerMeters meters,
            WorkerConfig config) {
        this.admission = admission;
        this.replays = replays;
        this.runner = runner;
        this.effects = effects;
        this.clock = clock;
        this.counters = counters;
        this.meters = meters;
        this.config = config;
    }

    /** From now on deliveries are given back unstarted. */
    void stop() {
        stopping = true;
    }

    /** From now on a task ended by interruption goes back to the queue instead of failing. */
    void forceStop() {
        forcedStop = true;
    }

    /** Runs on a worker thread; {@code queue} is the logical queue it was consumed from. */
    void process(Delivery received, String queue) {
        HeldDelivery delivery = new HeldDelivery(received, replays, queue);
        if (stopping) {
            effects.carryOut(OutcomeRules.whileStopping(), delivery, queue);
            return;
        }
        counters.running.incrementAndGet();
        try {
            handle(delivery, queue);
        } catch (RuntimeException | Error e) {
            // the task's own throwables end in TimedRun; anything here is the worker's, and even
            // a StackOverflowError must settle the delivery or the slot holds it until the
            // channel closes
            log.error(
                    "unexpected error on message {} from {}{}",
                    SafeText.of(delivery.envelope().messageId()),
                    queue,
                    delivery.redelivered() ? " again" : "; it goes back to the queue once",
                    e);
            effects.carryOut(
                    OutcomeRules.afterWorkerError(e, delivery.redelivered(), delivery.isTaken()),
                    delivery,
                    queue);
        } finally {
            counters.running.decrementAndGet();
            counters.activity.finished(queue);
        }
    }

    private void handle(HeldDelivery delivery, String queue) {
        Envelope envelope = delivery.envelope();
        Admission.Verdict verdict = admission.admit(envelope, delivery.redelivered(), queue);
        if (verdict instanceof Admission.Refused refused) {
            effects.carryOut(
                    new Decision.Refuse(
                            refused.reason(), refused.detail(), refused.contentVerified()),
                    delivery,
                    queue);
            return;
        }
        Admission.Admitted admitted = (Admission.Admitted) verdict;
        delivery.taken(admitted.key());
        TaskDefinition definition = admitted.definition();
        RunningTask context =
                new RunningTask(
                        admitted.id(),
                        envelope.attempt(),
                        definition.maxAttempts(),
                        delivery.redelivered(),
                        Instant.now(clock).plus(definition.timeout()),
                        queue,
                        config.services());
        meters.started(envelope.type(), queue, clock.millis() - envelope.timestamp());
        long runStart = System.nanoTime();
        TimedRun.Outcome outcome = runner.run(admitted.task(), context, definition.timeout());
        long runEnd = System.nanoTime();
        meters.ran(envelope.type(), queue, runEnd - runStart, outcome instanceof TimedRun.Returned);
        counters.activity.ran(queue, runEnd - runStart, runEnd);
        Decision decision =
                OutcomeRules.afterRun(
                        outcome,
                        definition,
                        envelope.attempt(),
                        envelope.replyTo() != null,
                        forcedStop);
        if (decision instanceof Decision.GiveBack) {
            log.info(
                    "task {} {} interrupted by shutdown; back to the queue",
                    Effects.simple(envelope.type()),
                    SafeText.of(String.valueOf(admitted.id())));
        }
        effects.afterRun(decision, delivery, definition, queue, admitted.replies());
    }
}
