package dev.warren.client;

import dev.warren.Broker;
import dev.warren.BrokerUnavailableException;
import dev.warren.Task;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.RemoteFailure;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.transport.Subscription;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectedMessageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
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
 * }
 * }</pre>
 */
public final class TaskClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskClient.class);
    private static final int REPLY_PREFETCH = 256;

    private final BrokerLink broker;
    private final String clientId;
    private final String replyQueue;
    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final Subscription replies;
    private final ExecutorService mapDrivers;
    private final MeterRegistry meters;
    private volatile boolean closed;

    private record PendingCall(String type, CompletableFuture<Object> future) {}

    /**
     * Declares this client's reply queue and starts consuming it; meters go to Micrometer's global
     * registry.
     */
    public TaskClient(Broker broker) {
        this(broker, Metrics.globalRegistry);
    }

    /** As {@link #TaskClient(Broker)}, counting submitted tasks in {@code meters}. */
    public TaskClient(Broker broker, MeterRegistry meters) {
        this.broker = BrokerLink.of(broker);
        this.meters = java.util.Objects.requireNonNull(meters, "meters");
        this.clientId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.replyQueue = Topology.replyQueue(clientId);
        this.broker.topology().declareReplyQueue(replyQueue);
        this.replies =
                this.broker.consumeAcknowledgingAfterHandler(
                        replyQueue, REPLY_PREFETCH, this::onReply);
        this.mapDrivers =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "warren-map-" + clientId);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** This client's id; its reply queue is {@code warren.reply.<id>}. */
    public String clientId() {
        return clientId;
    }

    /**
     * Publishes a task and returns at once with a handle whose future the reply completes. Blocks
     * only while the publish window is full (see {@code WarrenConfig.publishWindow}).
     */
    public <R> TaskHandle<R> submit(Task<R> task) {
        ensureOpen();
        TaskDefinition definition = TaskDefinition.of(task.getClass());
        TaskId id = TaskId.random();
        String type = task.getClass().getName();
        CompletableFuture<Object> future = new CompletableFuture<>();
        pending.put(id.toString(), new PendingCall(type, future));
        try {
            publishTask(task, definition, id, replyQueue)
                    .whenComplete(
                            (ok, error) -> {
                                if (error != null) {
                                    pending.remove(id.toString());
                                    future.completeExceptionally(error);
                                }
                            });
        } catch (RuntimeException e) {
            pending.remove(id.toString());
            throw e;
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<R> typed = (CompletableFuture<R>) (CompletableFuture<?>) future;
        return new TaskHandle<>(id, type, typed);
    }

    /**
     * Publishes a task that nobody waits for, and returns its id once the broker has confirmed it
     * (it is then safe from a crash of this process).
     */
    public TaskId enqueue(Task<?> task) {
        try {
            return enqueueAsync(task).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WarrenException w) {
                throw w;
            }
            throw e;
        }
    }

    /** As {@link #enqueue}, without waiting for the broker's confirm. */
    public CompletableFuture<TaskId> enqueueAsync(Task<?> task) {
        ensureOpen();
        TaskDefinition definition = TaskDefinition.of(task.getClass());
        TaskId id = TaskId.random();
        return publishTask(task, definition, id, null).thenApply(ok -> id);
    }

    /**
     * Declares the task's queue (once), seals the task and publishes it; completes when confirmed.
     */
    private CompletableFuture<Void> publishTask(
            Task<?> task, TaskDefinition definition, TaskId id, String replyTo) {
        String type = task.getClass().getName();
        broker.topology().declareWorkQueue(definition.queue());
        Envelope envelope = broker.protocol().task(new Submission(task, id, replyTo));
        countSubmitted(type, definition.queue());
        return broker.publish(Topology.workQueue(definition.queue()), envelope, true);
    }

    /** {@link #map(Iterable, MapOptions)} with the default options. */
    public <R> CompletableFuture<List<R>> map(Iterable<? extends Task<R>> tasks) {
        return map(tasks, MapOptions.defaults());
    }

    /**
     * Runs every task and completes with their results in input order, like {@code
     * multiprocessing.Pool.map}. The input is read lazily and at most {@code options.window()}
     * tasks are in flight, so an input of millions streams through. The first remote failure fails
     * the whole map (tasks already submitted still run); submission stops there.
     */
    public <R> CompletableFuture<List<R>> map(
            Iterable<? extends Task<R>> tasks, MapOptions options) {
        ensureOpen();
        CompletableFuture<List<R>> result = new CompletableFuture<>();
        mapDrivers.execute(() -> driveMap(tasks, options, result));
        return result;
    }

    private <R> void driveMap(
            Iterable<? extends Task<R>> tasks,
            MapOptions options,
            CompletableFuture<List<R>> result) {
        long total = tasks instanceof Collection<?> c ? c.size() : -1;
        Semaphore window = new Semaphore(options.window());
        List<R> results = new ArrayList<>(total > 0 ? (int) Math.min(total, 1 << 20) : 16);
        AtomicLong completed = new AtomicLong();
        try {
            for (Task<R> task : tasks) {
                window.acquire();
                if (result.isDone()) {
                    return;
                }
                int index;
                synchronized (results) {
                    index = results.size();
                    results.add(null);
                }
                TaskHandle<R> handle;
                try {
                    handle = submitRidingOutOutages(task, options);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                }
                handle.result()
                        .whenComplete(
                                (value, error) -> {
                                    if (error != null) {
                                        result.completeExceptionally(unwrap(error));
                                    } else {
                                        synchronized (results) {
                                            results.set(index, value);
                                        }
                                        report(options, completed.incrementAndGet(), total);
                                    }
                                    window.release();
                                });
            }
            window.acquire(options.window());
            synchronized (results) {
                result.complete(results);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(new WarrenException("map was interrupted", e));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * A map is a batch job: while the broker is unreachable (restart, failover), it waits and goes
     * on instead of failing, up to {@link MapOptions#outageTolerance()}.
     */
    private <R> TaskHandle<R> submitRidingOutOutages(Task<R> task, MapOptions options)
            throws InterruptedException {
        long giveUpAt = System.nanoTime() + options.outageTolerance().toNanos();
        long backoffMillis = 100;
        while (true) {
            try {
                return submit(task);
            } catch (BrokerUnavailableException e) {
                if (System.nanoTime() > giveUpAt) {
                    throw e;
                }
                log.debug("map waits for the broker: {}", e.getMessage());
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 2000);
            }
        }
    }

    private static void report(MapOptions options, long done, long total) {
        try {
            options.progress().progress(done, total);
        } catch (RuntimeException e) {
            log.warn("map progress listener failed: {}", e.toString());
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }

    /** Tasks submitted by this client whose reply has not come yet. */
    public int inFlight() {
        return pending.size();
    }

    /** Runs on the dispatch thread; the consumer acknowledges each reply after this returns. */
    private void onReply(Delivery delivery) {
        Envelope envelope = delivery.envelope();
        String id = envelope.messageId();
        PendingCall call = id == null ? null : pending.get(id);
        if (call == null) {
            log.debug("ignoring a reply for task {}: late, duplicate, or not ours", id);
            return;
        }
        Object payload;
        try {
            payload = broker.sealer().open(envelope);
        } catch (RejectedMessageException e) {
            log.warn("refused a reply on {}: {} ({})", replyQueue, e.getMessage(), e.reason());
            return;
        }
        if (pending.remove(id, call)) {
            complete(call, TaskId.parse(id), envelope, payload);
        }
    }

    private static void complete(PendingCall call, TaskId id, Envelope envelope, Object payload) {
        if (Headers.REPLY_FAILED.equals(envelope.type()) && payload instanceof RemoteFailure f) {
            call.future()
                    .completeExceptionally(
                            new TaskFailedException(
                                    id,
                                    call.type(),
                                    f.exceptionType(),
                                    f.message(),
                                    f.stackTrace(),
                                    f.attempt(),
                                    f.maxAttempts()));
        } else if (Headers.REPLY_SUCCEEDED.equals(envelope.type())) {
            call.future().complete(payload);
        } else {
            call.future()
                    .completeExceptionally(
                            new WarrenException(
                                    "reply for task "
                                            + id
                                            + " has unknown type "
                                            + envelope.type()));
        }
    }

    private void countSubmitted(String type, String queue) {
        Counter.builder("warren.tasks.submitted")
                .description("tasks this client published")
                .tag("type", type)
                .tag("queue", queue)
                .register(meters)
                .increment();
    }

    private void ensureOpen() {
        if (closed) {
            throw new WarrenException("TaskClient " + clientId + " is closed");
        }
    }

    /**
     * Stops listening for replies. Tasks still in flight keep running on workers; their futures
     * fail here.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        replies.close();
        mapDrivers.shutdownNow();
        if (pending.isEmpty()) {
            try {
                broker.topology().delete(replyQueue);
            } catch (WarrenException e) {
                log.warn("reply queue {} left to expire: {}", replyQueue, e.getMessage());
            }
        }
        WarrenException gone =
                new WarrenException("TaskClient " + clientId + " was closed before the reply came");
        pending.values().forEach(call -> call.future().completeExceptionally(gone));
        pending.clear();
    }
}
