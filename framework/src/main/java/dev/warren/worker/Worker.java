package dev.warren.worker;

import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Connections;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.transport.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes task queues and runs their tasks, {@code concurrency} at a time, each on a task thread
 * of its own. Each message is acknowledged only after its reply (or retry, or dead letter) is
 * confirmed by the broker, so a worker that dies leaves its unfinished tasks to another. {@link
 * #close()} stops consuming, lets running tasks finish and be acknowledged, and gives back the ones
 * it had not started. A task that ignores interruption past its timeout and {@code timeoutGrace}
 * fails with the timeout and its thread is left behind; with more than {@code maxStuckTasks} such
 * threads the worker stops itself, and {@link #awaitShutdown()} throws why.
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

    private final WorkerConfig config;
    private final ThreadPoolExecutor executor;
    private final ExecutorService taskThreads;
    private final PipelineCounters counters = new PipelineCounters();
    private final TaskPipeline pipeline;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile WarrenException failure;
    private volatile HeartbeatPublisher heartbeats;
    private final FleetReplays fleet;
    private final Map<Class<?>, String> knownTasks;

    private Worker(BrokerLink broker, WorkerConfig config, Map<Class<?>, String> knownTasks) {
        this.config = config;
        this.knownTasks = knownTasks;
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(
                        config.concurrency(),
                        config.concurrency(),
                        0,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> new Thread(r, "warren-worker-" + threads.incrementAndGet()));
        this.taskThreads = TaskThreads.create();
        Clock clock = Clock.systemUTC();
        WorkerMeters meters = new WorkerMeters(config.meterRegistry());
        this.fleet =
                config.replayMemory() == 0
                        ? null
                        : new FleetReplays(
                                broker,
                                Connections.processIdentity()
                                        + "/"
                                        + UUID.randomUUID().toString().substring(0, 8),
                                config.replayMemory());
        ReplayCheck replays = fleet == null ? ReplayCheck.NONE : fleet;
        meters.stuckThreads(counters.stuck);
        StuckTasks stuck =
                new StuckTasks(counters.stuck, config.maxStuckTasks(), this::stuckLimitPassed);
        this.pipeline =
                PipelineAssembly.assemble(
                        broker, config, clock, counters, meters, replays, taskThreads, stuck);
    }

    /**
     * Registers the task classes this worker may decode (those named with {@code
     * WarrenConfig.Builder.tasks}, else the {@code @TaskOptions} records on the application's
     * classpath), checks its queues against them, then declares the queues and consumes them.
     *
     * @throws dev.warren.ConfigurationException when it finds no task class, or one cannot travel
     */
    public static Worker start(Broker connection, WorkerConfig given) {
        BrokerLink broker = BrokerLink.of(connection);
        Map<Class<?>, String> known = KnownTasks.admit(broker, given.acceptsCode());
        WorkerConfig config = QueueChecks.applied(given, known.keySet(), broker.names(), log::warn);
        Worker worker = new Worker(broker, config, known);
        try {
            broker.topology().declareNotices();
            for (String queue : config.queues()) {
                broker.topology().declareWorkQueue(queue);
                if (worker.fleet != null) {
                    worker.fleet.follow(queue);
                }
                worker.subscriptions.add(
                        broker.consume(
                                broker.names().workQueue(queue),
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
        ConsumerTimeoutWarning.check(broker.config());
        worker.heartbeats =
                HeartbeatPublisher.start(
                        broker,
                        config,
                        worker::stats,
                        worker.counters.unsettled::get,
                        worker.counters.activity::now);
        return worker;
    }

    private void dispatch(Delivery delivery, String queue) {
        counters.unsettled.incrementAndGet();
        counters.activity.delivered(queue);
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

    /** The task classes this worker decodes, each with the queue its {@code @TaskOptions} names. */
    public Map<Class<?>, String> knownTasks() {
        return knownTasks;
    }

    public Stats stats() {
        return counters.stats();
    }

    /**
     * Blocks until {@link #close()} has ended (any thread), or the worker stopped itself.
     *
     * @throws WarrenException saying why, when the worker stopped itself (see {@link #failure()})
     */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Why the worker stopped itself, if it did: more task threads stuck than {@link
     * WorkerConfig#maxStuckTasks()}. Only a new process gets them back: exit with a failure.
     */
    public Optional<WarrenException> failure() {
        return Optional.ofNullable(failure);
    }

    private void stuckLimitPassed(int stuck) {
        if (closed) {
            return;
        }
        String why =
                stuck
                        + " task threads are stuck in tasks that ignored interruption past their"
                        + " timeout, more than maxStuckTasks ("
                        + config.maxStuckTasks()
                        + ")";
        failure =
                new WarrenException("the worker stopped: " + why + "; restart it to get them back");
        log.error("{}: the worker stops taking tasks and drains", why);
        // not on the slot that saw it: closing waits for every slot to end
        new Thread(this::close, "warren-worker-stop").start();
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
            if (fleet != null) {
                fleet.close(); // after the last settlement, so the fleet learns of it
            }
            subscriptions.forEach(Subscription::close);
            taskThreads.shutdown(); // stuck threads run on until their tasks end, idle ones end
            Stats stats = stats();
            log.info(
                    "worker stopped: {} succeeded, {} failed, {} retried, {} refused, {} threads"
                            + " stuck",
                    stats.succeeded(),
                    stats.failed(),
                    stats.retried(),
                    stats.rejected(),
                    stats.stuck());
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
     * @param stuck task threads abandoned after their timeout and grace, still running
     */
    public record Stats(
            long succeeded, long failed, long retried, long rejected, int inFlight, int stuck) {}
}
