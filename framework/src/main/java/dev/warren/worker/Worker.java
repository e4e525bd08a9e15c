package dev.warren.worker;

import dev.warren.Broker;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Connections;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.transport.Subscription;
import dev.warren.internal.transport.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes task queues and runs their tasks on a pool of {@code concurrency} threads. Each message
 * is acknowledged only after its reply (or retry, or dead letter) is confirmed by the broker, so a
 * worker that dies leaves its unfinished tasks to another. {@link #close()} stops consuming, lets
 * running tasks finish and be acknowledged, and gives back the ones it had not started.
 *
 * <pre>{@code
 * try (Broker broker = Broker.connect(config);
 *      Worker worker = Worker.start(broker, WorkerConfig.custom().queues("primes").build())) {
 *     worker.awaitShutdown();
 * }
 * }</pre>
 */
public final class Worker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final java.time.Duration CONSUMER_TIMEOUT_DEFAULT =
            java.time.Duration.ofMinutes(30);

    private final WorkerConfig config;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService timer;
    private final PipelineCounters counters = new PipelineCounters();
    private final TaskPipeline pipeline;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile HeartbeatPublisher heartbeats;

    private Worker(BrokerLink broker, WorkerConfig config) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(
                        config.concurrency(),
                        config.concurrency(),
                        0,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> new Thread(r, "warren-worker-" + threads.incrementAndGet()));
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "warren-task-timeouts");
                            t.setDaemon(true);
                            return t;
                        });
        Clock clock = Clock.systemUTC();
        WorkerMeters meters = new WorkerMeters(config.meterRegistry());
        this.pipeline =
                new TaskPipeline(
                        new Admission(
                                broker.sealer(),
                                clock,
                                broker.config(),
                                new ReplayMemory(config.replayMemory())),
                        new TimedRun(timer),
                        new Effects(
                                new BrokerWorkerPort(broker),
                                broker.protocol(),
                                clock,
                                counters,
                                meters,
                                Connections.processIdentity()),
                        clock,
                        counters,
                        meters,
                        config);
    }

    /** Declares the queues and starts consuming them. */
    public static Worker start(Broker connection, WorkerConfig config) {
        BrokerLink broker = BrokerLink.of(connection);
        Worker worker = new Worker(broker, config);
        try {
            for (String queue : config.queues()) {
                broker.topology().declareWorkQueue(queue);
                String brokerQueue = Topology.workQueue(queue);
                worker.subscriptions.add(
                        broker.consume(
                                brokerQueue,
                                config.prefetch(),
                                delivery -> worker.dispatch(delivery, queue)));
            }
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        log.info(
                "worker consuming {} with concurrency {} and prefetch {}",
                config.queues(),
                config.concurrency(),
                config.prefetch());
        warnAboutConsumerTimeout(broker);
        worker.heartbeats =
                HeartbeatPublisher.start(
                        broker, config, worker::stats, worker.counters.unsettled::get);
        return worker;
    }

    /**
     * RabbitMQ closes a channel whose delivery stays unacknowledged longer than its {@code
     * consumer_timeout} (30 minutes by default), and redelivers the task elsewhere while it still
     * runs here. Say so at start for every registered task that may run that long.
     */
    private static void warnAboutConsumerTimeout(BrokerLink broker) {
        for (Class<?> type : broker.config().registrations().keySet()) {
            if (dev.warren.Task.class.isAssignableFrom(type)) {
                java.time.Duration timeout =
                        dev.warren.internal.protocol.TaskDefinition.of(type).timeout();
                if (timeout.compareTo(CONSUMER_TIMEOUT_DEFAULT) >= 0) {
                    log.warn(
                            "task {} may run {} min, as long as RabbitMQ's default consumer_timeout"
                                    + " (30 min): raise consumer_timeout in rabbitmq.conf above the"
                                    + " longest task timeout, or the broker closes the channel and"
                                    + " redelivers the task while it runs",
                            type.getSimpleName(),
                            timeout.toMinutes());
                }
            }
        }
    }

    private void dispatch(Delivery delivery, String queue) {
        counters.unsettled.incrementAndGet();
        try {
            executor.execute(() -> pipeline.process(delivery, queue));
        } catch (RejectedExecutionException e) {
            counters.unsettled.decrementAndGet();
            delivery.requeue();
        }
    }

    public WorkerConfig config() {
        return config;
    }

    public Stats stats() {
        return counters.stats();
    }

    /** Blocks until {@link #close()} has finished (from another thread or a signal handler). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops consuming, waits up to {@code shutdownTimeout} for running tasks to finish and be
     * acknowledged, requeues the messages it had not started, then closes its channels. Does not
     * close the {@link Broker}.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            int running = counters.running.get();
            log.info("worker stopping: {} tasks running, waiting for them to finish", running);
            pipeline.stop();
            if (heartbeats != null) {
                heartbeats.close(); // its last beat says "stopping"
            }
            subscriptions.forEach(Subscription::cancel);
            executor.shutdown();
            try {
                if (!executor.awaitTermination(
                        config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn(
                            "tasks still running after {}; interrupting them, their messages go back to the queue",
                            config.shutdownTimeout());
                    pipeline.forceStop();
                    // the ones never started see "stopping" and give their message back at once
                    executor.shutdownNow().forEach(Runnable::run);
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                }
                awaitSettled(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            subscriptions.forEach(Subscription::close);
            timer.shutdownNow();
            Stats stats = stats();
            log.info(
                    "worker stopped: {} succeeded, {} failed, {} retried, {} refused",
                    stats.succeeded(),
                    stats.failed(),
                    stats.retried(),
                    stats.rejected());
            stopped.countDown();
        }
    }

    /**
     * Acks wait for publisher confirms; closing the channel before them would requeue finished
     * work.
     */
    private void awaitSettled(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (counters.unsettled.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (counters.unsettled.get() > 0) {
            log.warn(
                    "{} messages not acknowledged at shutdown; the broker will deliver them again",
                    counters.unsettled.get());
        }
    }

    /**
     * Counters of one worker since it started.
     *
     * <pre>{@code
     * Worker.Stats s = worker.stats();
     * log.info("{} done, {} failed, {} running", s.succeeded(), s.failed(), s.inFlight());
     * }</pre>
     *
     * @param succeeded tasks that returned a result
     * @param failed tasks that failed for good (last attempt or not retryable)
     * @param retried failed attempts sent to a retry delay queue
     * @param rejected messages refused unopened or unrun (bad signature, replay, ...)
     * @param inFlight tasks running now
     */
    public record Stats(long succeeded, long failed, long retried, long rejected, int inFlight) {}
}
