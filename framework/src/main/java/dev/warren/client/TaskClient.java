package dev.warren.client;

import dev.warren.Broker;
import dev.warren.Task;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Subscription;
import dev.warren.internal.wire.Envelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits tasks to worker processes and collects their results. One client has one reply queue
 * ({@code warren.reply.<clientId>}) and any number of tasks in flight; it is thread-safe, so one
 * per process is usually right.
 *
 * <pre>{@code
 * try (Broker broker = Broker.connect(config); TaskClient client = new TaskClient(broker)) {
 *     long one = client.submit(new SumPrimes(100_000)).await(Duration.ofMinutes(1));
 *     TaskId queued = client.enqueue(new SumPrimes(200_000));       // no reply wanted
 *     List<Long> all = client.map(List.of(new SumPrimes(10), new SumPrimes(20))).join();
 *     client.submit(new SumPrimes(5), SubmitOptions.onQueue("primes-urgent"));
 * }
 * }</pre>
 */
public final class TaskClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskClient.class);
    private static final int REPLY_PREFETCH = 256;

    private final BrokerLink broker;
    private final String clientId;
    private final String replyQueue;
    private final PendingReplies pending;
    private final Subscription replies;
    private final ExecutorService mapDrivers;
    private final ClientMeters meters;
    private final ShippedCode shippedCode;
    private volatile boolean closed;

    /**
     * Declares this client's reply queue and starts consuming it; meters go to Micrometer's global
     * registry.
     */
    public TaskClient(Broker broker) {
        this(broker, Metrics.globalRegistry);
    }

    /**
     * As {@link #TaskClient(Broker)}, with its meters ({@code warren.client.*}) in {@code meters}.
     */
    public TaskClient(Broker broker, MeterRegistry meters) {
        this.broker = BrokerLink.of(broker);
        this.clientId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.replyQueue = this.broker.names().replyQueue(clientId);
        this.shippedCode = new ShippedCode(this.broker, Clock.systemUTC());
        this.pending =
                new PendingReplies(this.broker.protocol(), this.broker.notices(), replyQueue);
        Objects.requireNonNull(meters, "meters");
        this.broker.topology().declareReplyQueue(replyQueue);
        this.broker.topology().bindToNotices(replyQueue);
        this.replies =
                this.broker.consumeAcknowledgingAfterHandler(
                        replyQueue,
                        REPLY_PREFETCH,
                        delivery -> pending.onReply(delivery.envelope()));
        this.mapDrivers =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "warren-map-" + clientId);
                            t.setDaemon(true);
                            return t;
                        });
        // last: a client whose reply queue could not be set up leaves no gauge behind
        this.meters = new ClientMeters(meters, clientId, pending::size);
    }

    /** This client's id; its reply queue is {@code warren.reply.<id>}. */
    public String clientId() {
        return clientId;
    }

    /**
     * Publishes a task and returns at once with a handle whose future the reply completes. Blocks
     * only while the publish window is full (see {@code WarrenConfig.publishWindow}). The first
     * submit of a class registers it and the types it reaches.
     *
     * @throws dev.warren.ConfigurationException when the task's class cannot travel (a lambda, or a
     *     component or result type that is not a record, enum, sealed or supported JDK type),
     *     naming the class, where the type sits and the fix
     */
    public <R> TaskHandle<R> submit(Task<R> task) {
        return submit(task, SubmitOptions.defaults());
    }

    /**
     * As {@link #submit(Task)}, to the queue {@code options} says. A shipped task that a worker
     * refuses because its bundle is gone from the broker is submitted again once, under a new id,
     * after the bundle is put again.
     */
    public <R> TaskHandle<R> submit(Task<R> task, SubmitOptions options) {
        ensureOpen();
        broker.types().admit(task.getClass());
        String queue = options.queueOf(task);
        AtomicReference<TaskId> id = new AtomicReference<>(TaskId.random());
        String type = task.getClass().getName();
        CompletableFuture<Object> future = submitOnce(task, queue, id.get());
        if (shippedCode.ships(task.getClass())) {
            future =
                    future.exceptionallyComposeAsync(
                            failure -> resubmitIfBundleMissing(task, queue, id, failure),
                            this::runResubmission);
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<R> typed = (CompletableFuture<R>) (CompletableFuture<?>) future;
        return new TaskHandle<>(
                id::get,
                type,
                typed,
                waited -> {
                    meters.timedOut(type, queue);
                    return UnansweredTasks.timedOut(
                            broker.topology(), id.get(), type, queue, waited);
                });
    }

    private CompletableFuture<Object> submitOnce(Task<?> task, String queue, TaskId id) {
        String type = task.getClass().getName();
        CompletableFuture<Object> future = pending.expect(id, type);
        meters.watch(type, queue, future);
        try {
            publishTask(task, queue, id, replyQueue)
                    .whenComplete(
                            (ok, error) -> {
                                if (error != null) {
                                    pending.abandon(id, error);
                                }
                            });
        } catch (RuntimeException e) {
            pending.abandon(id, e);
            throw e;
        }
        return future;
    }

    private CompletableFuture<Object> resubmitIfBundleMissing(
            Task<?> task, String queue, AtomicReference<TaskId> id, Throwable failure) {
        if (!MissingBundles.isMissingBundle(failure) || closed) {
            return CompletableFuture.failedFuture(failure);
        }
        shippedCode.putAgain(task.getClass());
        TaskId again = TaskId.random();
        log.info(
                "task {} ({}) was refused for its shipped code missing from the broker: put the"
                        + " code again and submitted the task again as {}",
                id.get(),
                task.getClass().getName(),
                again);
        id.set(again);
        return submitOnce(task, queue, again);
    }

    /**
     * Off the reply thread, as it publishes; after {@link #close} it only passes the failure on.
     */
    private void runResubmission(Runnable resubmission) {
        try {
            mapDrivers.execute(resubmission);
        } catch (RejectedExecutionException closedMeanwhile) {
            resubmission.run();
        }
    }

    /**
     * Publishes a task that nobody waits for, and returns its id once the broker has confirmed it
     * (it is then safe from a crash of this process).
     */
    public TaskId enqueue(Task<?> task) {
        return enqueue(task, SubmitOptions.defaults());
    }

    /** As {@link #enqueue(Task)}, to the queue {@code options} says. */
    public TaskId enqueue(Task<?> task, SubmitOptions options) {
        try {
            return enqueueAsync(task, options).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WarrenException w) {
                throw w;
            }
            throw e;
        }
    }

    /** As {@link #enqueue}, without waiting for the broker's confirm. */
    public CompletableFuture<TaskId> enqueueAsync(Task<?> task) {
        return enqueueAsync(task, SubmitOptions.defaults());
    }

    /** As {@link #enqueueAsync(Task)}, to the queue {@code options} says. */
    public CompletableFuture<TaskId> enqueueAsync(Task<?> task, SubmitOptions options) {
        ensureOpen();
        broker.types().admit(task.getClass());
        String queue = options.queueOf(task);
        TaskId id = TaskId.random();
        return publishTask(task, queue, id, null).thenApply(ok -> id);
    }

    /**
     * Declares the task's queue (once), seals the task and publishes it; completes when confirmed.
     */
    private CompletableFuture<Void> publishTask(
            Task<?> task, String queue, TaskId id, String replyTo) {
        broker.topology().declareWorkQueue(queue);
        Submission submission = new Submission(task, id, replyTo, queue);
        Envelope envelope =
                shippedCode.ships(task.getClass())
                        ? broker.protocol().task(submission, shippedCode.bundleOf(task.getClass()))
                        : broker.protocol().task(submission);
        if (replyTo != null) {
            pending.signed(id, envelope.signature());
        }
        meters.submitted(envelope.type(), queue);
        return broker.publish(broker.names().workQueue(queue), envelope, true);
    }

    /** {@link #map(Iterable, MapOptions)} with the default options. */
    public <R> CompletableFuture<List<R>> map(Iterable<? extends Task<R>> tasks) {
        return map(tasks, MapOptions.defaults());
    }

    /**
     * Runs every task and completes with their results in input order, like {@code
     * multiprocessing.Pool.map}. The input is read lazily and at most {@code options.window()}
     * tasks are in flight, so an input of millions streams through. The first remote failure fails
     * the whole map (tasks already submitted still run); submission stops there. While the broker
     * is unreachable the map waits, up to {@link MapOptions#outageTolerance()}.
     */
    public <R> CompletableFuture<List<R>> map(
            Iterable<? extends Task<R>> tasks, MapOptions options) {
        ensureOpen();
        MapRun<R> run =
                new MapRun<>(
                        tasks, options, task -> submit(task, options.submitOptions()).result());
        mapDrivers.execute(run::run);
        return run.result();
    }

    /** Tasks submitted by this client whose reply has not come yet. */
    public int inFlight() {
        return pending.size();
    }

    private void ensureOpen() {
        if (closed) {
            throw new WarrenException("TaskClient " + clientId + " is closed");
        }
    }

    /**
     * Stops listening for replies and deletes this client's reply queue. Tasks still in flight keep
     * running on workers; their futures fail here, and their replies are dropped by the broker.
     * While the connection is recovering, this waits up to 10 s for it, so that the queue is
     * deleted rather than left to expire after {@code replyQueueExpiry}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        replies.close();
        mapDrivers.shutdownNow();
        // replies are published without the mandatory flag, so a worker answering a task of this
        // client after the queue is gone loses nothing that anyone could still read
        try {
            broker.topology().delete(replyQueue);
        } catch (WarrenException e) {
            log.warn("reply queue {} left to expire: {}", replyQueue, e.getMessage());
        }
        pending.abandonAll(new ClientClosedException(clientId));
        meters.close();
    }
}
