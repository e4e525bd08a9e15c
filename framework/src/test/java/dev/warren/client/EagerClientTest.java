package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EagerClientTest {
    record Summary(String name, List<String> parts) {}

    record NotRegistered(String why) {}

    @TaskOptions(queue = "eager-test")
    record Summarise(String name) implements Task<Summary> {
        @Override
        public Summary run(TaskContext ctx) {
            return new Summary(name, List.of(ctx.queue(), "attempt " + ctx.attempt()));
        }
    }

    record Carries(Supplier<String> lambda) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return lambda.get();
        }
    }

    record ReturnsUnregistered() implements Task<Object> {
        @Override
        public Object run(TaskContext ctx) {
            return new NotRegistered("not in the config");
        }
    }

    static final AtomicInteger FLAKY_RUNS = new AtomicInteger();

    @TaskOptions(maxAttempts = 3, nonRetryable = IllegalArgumentException.class)
    record Flaky(int failures) implements Task<Integer> {
        @Override
        public Integer run(TaskContext ctx) {
            if (failures < 0) {
                throw new IllegalArgumentException("never retried");
            }
            if (FLAKY_RUNS.incrementAndGet() <= failures) {
                throw new IllegalStateException("flaked on attempt " + ctx.attempt());
            }
            return ctx.attempt();
        }
    }

    @TaskOptions(timeoutSeconds = 1)
    record Sleeps() implements Task<String> {
        @Override
        public String run(TaskContext ctx) throws InterruptedException {
            Thread.sleep(60_000);
            return "woke";
        }
    }

    record UsesService() implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            assertThat(ctx.deadline()).isAfter(Instant.now());
            return ctx.service(StringBuilder.class).orElseThrow().toString();
        }
    }

    private final EagerClient eager =
            EagerClient.of(
                    WarrenConfig.custom().signingKeys(SigningKeys.of("k1", new byte[32])).build());

    @AfterEach
    void close() {
        eager.close();
    }

    @Test
    void aTaskRunsHereWithARealContextAndItsResultComesBackThroughTheCodec() {
        Summary result = eager.run(new Summarise("x"));
        assertThat(result).isEqualTo(new Summary("x", List.of("eager-test", "attempt 1")));
    }

    @Test
    void aTaskThatCannotTravelIsRefusedBeforeItRuns() {
        assertThatThrownBy(() -> eager.submit(new Carries(() -> "lambda")))
                .isInstanceOf(WarrenException.class);
    }

    @Test
    void aResultThatCannotTravelFailsTheHandle() {
        TaskHandle<Object> handle = eager.submit(new ReturnsUnregistered());
        assertThatThrownBy(() -> handle.result().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WarrenException.class)
                .cause()
                .hasMessageContaining(NotRegistered.class.getName());
    }

    @Test
    void aRetryableFailureIsRetriedAsAWorkerWouldAndTheAttemptIsCounted() {
        FLAKY_RUNS.set(0);
        assertThat(eager.run(new Flaky(2))).isEqualTo(3);
    }

    @Test
    void aFailureForGoodIsTheTaskFailedExceptionACallerWouldSee() {
        assertThatThrownBy(() -> eager.run(new Flaky(-1)))
                .isInstanceOf(TaskFailedException.class)
                .satisfies(
                        e -> {
                            TaskFailedException failed = (TaskFailedException) e;
                            assertThat(failed.remoteType())
                                    .isEqualTo(IllegalArgumentException.class.getName());
                            assertThat(failed.remoteMessage()).isEqualTo("never retried");
                            assertThat(failed.attempt()).isEqualTo(1);
                        });
    }

    @Test
    void aTaskPastItsTimeoutIsInterruptedAndFailsWithTheTimeout() {
        TaskHandle<String> handle = eager.submit(new Sleeps());
        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(10)))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("TimeoutException");
    }

    @Test
    void servicesAreFoundThroughTheContext() {
        eager.service(StringBuilder.class, new StringBuilder("db"));
        assertThat(eager.run(new UsesService())).isEqualTo("db");
    }
}
