package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.client.TaskRefusedException;
import dev.warren.client.TaskTimeoutException;
import dev.warren.internal.transport.Topology;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.tasks.NotOnWorkers;
import dev.warren.it.tasks.Pause;
import dev.warren.it.tasks.RefusalCatalog;
import dev.warren.it.tasks.RefusalProbe;
import dev.warren.it.tasks.UnsendableResult;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import dev.warren.testing.process.WorkerLauncher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the caller sees when a worker process refuses its task: the future fails within two seconds
 * of the submit with a {@link TaskRefusedException} naming the reason, whether the worker could
 * verify the task (a signed refusal reply) or not (a refusal notice), and a timeout on a queue
 * nobody consumes says so. Every refused task is still dead-lettered.
 */
@WarrenTest
class RefusedTasksIT {
    private static final String QUEUE = "it-refusals";
    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RefusedTasksIT.class);

    private TestBroker test;
    private Broker broker;
    private TaskClient client;
    private JvmProcess worker;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
        broker =
                Broker.connect(
                        test.config()
                                .catalog(new RefusalCatalog())
                                .register(NotOnWorkers.class, 243)
                                .build());
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        client.close();
        broker.close();
    }

    private void startWorker(String keysText, String... options) throws Exception {
        WorkerLauncher launcher =
                ItWorkers.launcher(test, 1, QUEUE)
                        .prefetch(1)
                        .options("--catalog", RefusalCatalog.class.getName())
                        .options(options);
        worker = (keysText == null ? launcher : launcher.keys(keysText)).start();
    }

    /** A failed future and how long after the submit it failed. */
    private record Outcome(Throwable error, Duration elapsed) {}

    private Outcome submitAndWait(Task<?> task) {
        long start = System.nanoTime();
        TaskHandle<?> handle = client.submit(task);
        CompletableFuture<Outcome> outcome =
                handle.result()
                        .handle(
                                (value, error) ->
                                        new Outcome(
                                                error,
                                                Duration.ofNanos(System.nanoTime() - start)));
        await().atMost(Duration.ofSeconds(20)).until(outcome::isDone);
        Outcome done = outcome.join();
        assertThat(done.error()).as("the future failed").isNotNull();
        log.info(
                "{} failed {} ms after the submit: {}",
                task.getClass().getSimpleName(),
                done.elapsed().toMillis(),
                done.error().getMessage());
        return done;
    }

    private TaskRefusedException refusedPromptly(Task<?> task, TaskRefusedException.Reason reason)
            throws Exception {
        Outcome outcome = submitAndWait(task);
        assertThat(outcome.error()).isInstanceOf(TaskRefusedException.class);
        TaskRefusedException refused = (TaskRefusedException) outcome.error();
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(outcome.elapsed()).as("submit to failed future").isLessThan(PROMPT);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Queues.depth(test, Topology.deadLetterQueue(QUEUE)) == 1);
        return refused;
    }

    @Test
    void aWorkerWithAnotherSecretForTheSameKeyIdFailsTheFutureSayingTheKeysDiffer()
            throws Exception {
        startWorker(SigningKeys.generate("test"));

        TaskRefusedException refused =
                refusedPromptly(new RefusalProbe("x"), TaskRefusedException.Reason.BAD_SIGNATURE);

        assertThat(refused.workerVerified()).isFalse();
        assertThat(refused.workerKeyIds()).containsExactly("test");
        assertThat(refused.getMessage())
                .contains("RefusalProbe", "BAD_SIGNATURE", "[test]", "could not verify the worker")
                .contains("same keys");
    }

    @Test
    void aWorkerHoldingNoneOfTheClientsKeyIdsFailsTheFutureNamingItsKeyIds() throws Exception {
        startWorker(SigningKeys.generate("elsewhere"));

        TaskRefusedException refused =
                refusedPromptly(new RefusalProbe("x"), TaskRefusedException.Reason.UNKNOWN_KEY);

        assertThat(refused.workerVerified()).isFalse();
        assertThat(refused.workerKeyIds()).containsExactly("elsewhere");
        assertThat(refused.getMessage()).contains("UNKNOWN_KEY", "[elsewhere]", "WARREN_KEYS");
    }

    @Test
    void aWorkerWithoutTheTaskClassFailsTheFutureSayingSo() throws Exception {
        startWorker(null);

        TaskRefusedException refused =
                refusedPromptly(
                        new NotOnWorkers("x"), TaskRefusedException.Reason.UNREGISTERED_CLASS);

        assertThat(refused.workerVerified()).isTrue();
        assertThat(refused.getMessage())
                .contains("NotOnWorkers", "UNREGISTERED_CLASS", "stale jar");
    }

    @Test
    void aResultThatCannotBeEncodedFailsTheFutureNamingTheResult() throws Exception {
        startWorker(null);

        TaskRefusedException refused =
                refusedPromptly(
                        new UnsendableResult(), TaskRefusedException.Reason.UNSENDABLE_RESULT);

        assertThat(refused.getMessage())
                .contains("UnsendableResult", "result cannot be", "StringBuilder");
    }

    @Test
    void aTaskThatWaitedPastTheWorkersMaximumAgeFailsTheFutureAsExpired() throws Exception {
        startWorker(null, "--max-message-age", "0.3");
        TaskHandle<Long> blocker = client.submit(new Pause(600));

        TaskRefusedException refused =
                refusedPromptly(new RefusalProbe("late"), TaskRefusedException.Reason.EXPIRED);

        assertThat(refused.getMessage()).contains("RefusalProbe", "EXPIRED", "maxMessageAge");
        assertThat(blocker.await(Duration.ofSeconds(10))).isEqualTo(600L);
    }

    @Test
    void aTimeoutOnAQueueNobodyConsumesSaysSo() {
        long start = System.nanoTime();
        TaskHandle<String> handle = client.submit(new RefusalProbe("nobody"));

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(1)))
                .isInstanceOf(TaskTimeoutException.class)
                .hasMessageContaining(
                        "no worker consumes warren.it-refusals (0 consumers, 1 ready)");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        log.info("the timeout came {} ms after the submit", elapsed.toMillis());
        assertThat(elapsed).isLessThan(PROMPT);
    }
}
