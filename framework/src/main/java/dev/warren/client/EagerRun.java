package dev.warren.client;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskId;
import dev.warren.internal.protocol.RemoteFailure;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The attempts of one eager task: each decodes a fresh copy from the sealed message, runs it on a
 * task thread within its timeout, and retries a retryable failure while attempts are left.
 */
final class EagerRun {
    /** The last attempt's message with its value, or its failure. */
    record Outcome(Envelope task, Object value, RemoteFailure failure) {}

    private record Context(
            TaskId taskId,
            int attempt,
            int maxAttempts,
            Instant deadline,
            String queue,
            Function<Class<?>, Object> services)
            implements TaskContext {
        @Override
        public boolean redelivered() {
            return false;
        }

        @Override
        public <S> Optional<S> service(Class<S> type) {
            return Optional.ofNullable(type.cast(services.apply(type)));
        }
    }

    private final MessageSealer sealer;
    private final TaskDefinition definition;
    private final Envelope sealed;
    private final Function<Class<?>, Object> services;
    private final ExecutorService taskThreads;

    EagerRun(
            MessageSealer sealer,
            TaskDefinition definition,
            Envelope sealed,
            Function<Class<?>, Object> services,
            ExecutorService taskThreads) {
        this.sealer = sealer;
        this.definition = definition;
        this.sealed = sealed;
        this.services = services;
        this.taskThreads = taskThreads;
    }

    Outcome call() throws InterruptedException {
        int max = definition.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            Task<?> copy = (Task<?>) sealer.open(sealed, TaskProtocol.taskOn(definition.queue()));
            Context context =
                    new Context(
                            TaskId.parse(sealed.messageId()),
                            attempt,
                            max,
                            Instant.now().plus(definition.timeout()),
                            definition.queue(),
                            services);
            try {
                return new Outcome(sealed, runWithinTimeout(copy, context), null);
            } catch (InterruptedException stopped) {
                throw stopped;
            } catch (Exception failure) {
                if (attempt >= max || !definition.isRetryable(failure)) {
                    return new Outcome(sealed, null, RemoteFailure.of(failure, attempt, max));
                }
            }
        }
    }

    private Object runWithinTimeout(Task<?> task, TaskContext context) throws Exception {
        Future<Object> running = taskThreads.submit(() -> task.run(context));
        try {
            return running.get(definition.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw e;
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new TimeoutException(
                    "task ran longer than its timeout of "
                            + definition.timeout().toSeconds()
                            + "s and was interrupted");
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        }
    }
}
