package dev.warren.client;

import dev.warren.Task;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.internal.codec.TaskTypes;
import dev.warren.internal.protocol.Reply;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks in the calling process, with no broker, for unit tests of task code (Celery's eager
 * mode). Each task goes the way it would to a worker and back: sealed and encoded as a message,
 * decoded into a copy, run with a real {@code TaskContext} (its deadline from {@code @TaskOptions},
 * interrupted past it, retried as {@code maxAttempts} says, without the delay), and its result or
 * failure encoded as the reply and decoded again. So a task or a result that could not travel (a
 * lambda, an unregistered class, a body over {@code maxBodyBytes}) fails here too, and a failed
 * task fails its handle with the {@link TaskFailedException} a caller would see.
 *
 * <pre>{@code
 * try (EagerClient eager = EagerClient.of(config)) {
 *     assertEquals(17L, eager.run(new SumPrimes(10)));
 *     TaskHandle<Long> handle = eager.submit(new SumPrimes(100));   // runs on a thread of its own
 *     eager.service(Database.class, fakeDatabase);                  // found by ctx.service(...)
 * }
 * }</pre>
 */
public final class EagerClient implements AutoCloseable {
    private static final String REPLY_QUEUE = "eager";

    private final TaskTypes types;
    private final MessageSealer sealer;
    private final TaskProtocol protocol;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final ExecutorService drivers = Executors.newCachedThreadPool(daemon("warren-eager"));
    private final ExecutorService taskThreads =
            Executors.newCachedThreadPool(daemon("warren-eager-task"));

    private EagerClient(WarrenConfig config) {
        this.types = TaskTypes.forConfig(config, TaskProtocol.WIRE_TYPES);
        this.sealer =
                new MessageSealer(
                        types.codec(), HmacSigner.of(config.signingKeys()), config.maxBodyBytes());
        this.protocol = new TaskProtocol(sealer, Clock.systemUTC());
    }

    /** With the registrations, keys and limits of {@code config}; nothing is connected. */
    public static EagerClient of(WarrenConfig config) {
        return new EagerClient(Objects.requireNonNull(config, "config"));
    }

    /** A service the tasks find with {@code ctx.service(type)}, as a worker's would. */
    public <S> EagerClient service(Class<S> type, S service) {
        services.put(
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(service, type.getName()));
        return this;
    }

    /**
     * Encodes the task at once (so one that cannot travel throws here, as {@code TaskClient.submit}
     * does) and runs it on a thread of its own; cancelling the handle's future interrupts the task.
     */
    public <R> TaskHandle<R> submit(Task<R> task) {
        types.admit(task.getClass());
        TaskDefinition definition = TaskDefinition.of(task.getClass());
        TaskId id = TaskId.random();
        Envelope sealed = protocol.task(new Submission(task, id, REPLY_QUEUE, definition.queue()));
        CompletableFuture<R> result = new CompletableFuture<>();
        EagerRun run = new EagerRun(sealer, definition, sealed, services::get, taskThreads);
        Future<?> driving =
                drivers.submit(
                        () -> {
                            try {
                                complete(result, run.call(), id, task);
                            } catch (Throwable e) {
                                result.completeExceptionally(e);
                            }
                        });
        result.whenComplete(
                (value, error) -> {
                    if (result.isCancelled()) {
                        driving.cancel(true);
                    }
                });
        return new TaskHandle<>(
                id,
                task.getClass().getName(),
                result,
                waited -> new TaskTimeoutException(id, task.getClass().getName(), waited));
    }

    /**
     * Runs the task and returns its result.
     *
     * @throws TaskFailedException when the task failed for good, as a remote caller would see it
     */
    public <R> R run(Task<R> task) {
        try {
            return submit(task).result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Reads the outcome back as a caller would: through the reply's encoding. */
    @SuppressWarnings("unchecked")
    private <R> void complete(
            CompletableFuture<R> result, EagerRun.Outcome outcome, TaskId id, Task<R> task) {
        Envelope reply =
                outcome.failure() == null
                        ? protocol.success(outcome.task(), outcome.value())
                        : protocol.failure(outcome.task(), outcome.failure());
        Reply read = protocol.readReply(reply, id.toString(), REPLY_QUEUE);
        if (read instanceof Reply.Succeeded succeeded) {
            result.complete((R) succeeded.value());
        } else if (read instanceof Reply.Failed failed) {
            var f = failed.failure();
            result.completeExceptionally(
                    new TaskFailedException(
                            id,
                            task.getClass().getName(),
                            f.exceptionType(),
                            f.message(),
                            f.stackTrace(),
                            f.attempt(),
                            f.maxAttempts()));
        } else {
            result.completeExceptionally(new WarrenException("eager reply not read back: " + read));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Interrupts what is still running. */
    @Override
    public void close() {
        drivers.shutdownNow();
        taskThreads.shutdownNow();
    }
}
