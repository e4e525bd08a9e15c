package dev.warren.testing.assertions;

import static dev.warren.testing.assertions.WarrenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.client.EagerClient;
import dev.warren.testing.EagerTasks;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskHandleAssertTest {
    record Echo(String text) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return text;
        }
    }

    record Broken(String why) implements Task<String> {
        @Override
        public String run(TaskContext ctx) throws IOException {
            throw new IOException(why);
        }
    }

    @TaskOptions(timeoutSeconds = 30)
    record Slow() implements Task<String> {
        @Override
        public String run(TaskContext ctx) throws InterruptedException {
            Thread.sleep(30_000);
            return "late";
        }
    }

    private final EagerClient eager =
            EagerTasks.client(
                    registry ->
                            registry.register(Echo.class, 100)
                                    .register(Broken.class, 101)
                                    .register(Slow.class, 102));

    @AfterEach
    void close() {
        eager.close();
    }

    @Test
    void aSuccessIsAssertedOnItsResult() {
        assertThat(eager.submit(new Echo("x")))
                .succeedsWithin(Duration.ofSeconds(5))
                .isEqualTo("x");
        assertThatThrownBy(
                        () ->
                                assertThat(eager.submit(new Echo("x")))
                                        .succeedsWithin(Duration.ofSeconds(5))
                                        .isEqualTo("y"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aFailureWhereASuccessWasExpectedSaysWhatTheTaskThrewWithItsRemoteTrace() {
        assertThatThrownBy(
                        () ->
                                assertThat(eager.submit(new Broken("disk full")))
                                        .succeedsWithin(Duration.ofSeconds(5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it failed")
                .hasMessageContaining("IOException: disk full")
                .hasMessageContaining("remote stack trace");
    }

    @Test
    void failsWithMatchesTheTypeTheTaskThrewOnItsWorker() {
        assertThat(eager.submit(new Broken("disk full")))
                .failsWith(IOException.class)
                .hasMessageContaining("disk full");
        assertThatThrownBy(
                        () ->
                                assertThat(eager.submit(new Broken("x")))
                                        .failsWith(IllegalStateException.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to fail with java.lang.IllegalStateException");
        assertThatThrownBy(
                        () -> assertThat(eager.submit(new Echo("ok"))).failsWith(IOException.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it succeeded with ok");
    }

    @Test
    void aTaskStillRunningAtTheEndOfTheWaitFailsTheAssertion() {
        assertThatThrownBy(
                        () ->
                                assertThat(eager.submit(new Slow()))
                                        .succeedsWithin(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("had not ended");
    }
}
