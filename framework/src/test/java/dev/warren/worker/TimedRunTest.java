package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Task;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One attempt on a task thread: in time, interrupted at its timeout, or abandoned after grace. */
class TimedRunTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final Duration GRACE = Duration.ofMillis(300);

    private final ExecutorService threads = TaskThreads.create();
    private final AtomicInteger stuckCount = new AtomicInteger();
    private final AtomicInteger limitPassed = new AtomicInteger();
    private final StuckTasks stuck =
            new StuckTasks(stuckCount, 1, stuck -> limitPassed.incrementAndGet());
    private final TimedRun run = new TimedRun(threads, GRACE, stuck);
    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void stop() {
        release.set(true);
        threads.shutdownNow();
    }

    /** Ignores interruption until the test releases it (or 20 s pass), without burning a core. */
    private Task<String> ignoresInterruption() {
        return context -> {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!release.get() && System.nanoTime() < end) {
                Thread.interrupted();
                LockSupport.parkNanos(1_000_000);
            }
            return "late result";
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aTaskEndingInTimeGivesItsResult() {
        assertThat(run.run(context -> "done", null, TIMEOUT))
                .isEqualTo(new TimedRun.Returned("done"));
    }

    @Test
    void aTaskRunsOnATaskThreadNotOnTheSlot() {
        Thread slot = Thread.currentThread();

        assertThat(run.run(context -> Thread.currentThread() != slot, null, TIMEOUT))
                .isEqualTo(new TimedRun.Returned(true));
    }

    @Test
    void aFailureInTimeIsTheTasksOwn() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThat(
                        run.run(
                                context -> {
                                    throw boom;
                                },
                                null,
                                TIMEOUT))
                .isEqualTo(new TimedRun.Threw(boom, false));
    }

    @Test
    void anInterruptibleTaskPastItsTimeoutIsInterruptedAndFailsWithTheTimeout() {
        long start = System.nanoTime();

        TimedRun.Outcome outcome =
                run.run(
                        context -> {
                            Thread.sleep(10_000);
                            return "woke up";
                        },
                        null,
                        TIMEOUT);

        assertThat(millisSince(start)).isLessThan(TIMEOUT.plus(GRACE).toMillis());
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        TimedRun.Threw.class,
                        threw -> {
                            assertThat(threw.interrupted()).isFalse();
                            assertThat(threw.failure())
                                    .isInstanceOf(TimeoutException.class)
                                    .hasMessageContaining("timeout of 200ms and was interrupted")
                                    .hasCauseInstanceOf(InterruptedException.class);
                        });
        assertThat(stuckCount).hasValue(0);
    }

    @Test
    void aTaskIgnoringInterruptionFailsWithTheTimeoutOnceTheGraceIsOverAndCountsAsStuck() {
        long start = System.nanoTime();

        TimedRun.Outcome outcome = run.run(ignoresInterruption(), null, TIMEOUT);

        assertThat(millisSince(start))
                .isGreaterThanOrEqualTo(TIMEOUT.plus(GRACE).toMillis())
                .isLessThan(TIMEOUT.plus(GRACE).toMillis() + 1_000);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        TimedRun.Threw.class,
                        threw -> {
                            assertThat(threw.interrupted()).isFalse();
                            assertThat(threw.failure())
                                    .isInstanceOf(TimeoutException.class)
                                    .hasMessageContaining("timeout of 200ms")
                                    .hasMessageContaining("its thread was abandoned");
                        });
        assertThat(stuckCount).hasValue(1);
    }

    @Test
    void whenTheAbandonedTaskEndsItsResultIsDiscardedAndItIsNoLongerStuck() {
        run.run(ignoresInterruption(), null, TIMEOUT);
        assertThat(stuckCount).hasValue(1);

        release.set(true);

        await().atMost(Duration.ofSeconds(5)).until(() -> stuckCount.get() == 0);
    }

    @Test
    void theNextTaskRunsWhileAnAbandonedOneStillHoldsItsThread() {
        run.run(ignoresInterruption(), null, TIMEOUT);

        assertThat(run.run(context -> "next", null, TIMEOUT))
                .isEqualTo(new TimedRun.Returned("next"));
        assertThat(stuckCount).as("the first still runs").hasValue(1);
    }

    @Test
    void morePastTheLimitStuckThreadsCallTheLimitOnce() {
        run.run(ignoresInterruption(), null, TIMEOUT);
        assertThat(limitPassed).hasValue(0);

        run.run(ignoresInterruption(), null, TIMEOUT);
        run.run(ignoresInterruption(), null, TIMEOUT);

        assertThat(stuckCount).hasValue(3);
        assertThat(limitPassed).hasValue(1);
    }

    @Test
    void interruptingTheSlotInterruptsTheTaskAsAForcedStopDoes() throws Exception {
        CompletableFuture<TimedRun.Outcome> outcome = new CompletableFuture<>();
        Thread slot =
                new Thread(
                        () ->
                                outcome.complete(
                                        run.run(
                                                context -> {
                                                    Thread.sleep(10_000);
                                                    return "woke up";
                                                },
                                                null,
                                                Duration.ofSeconds(30))));
        slot.start();
        Thread.sleep(100);

        slot.interrupt();

        assertThat(outcome.get(GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .isInstanceOfSatisfying(
                        TimedRun.Threw.class,
                        threw -> {
                            assertThat(threw.interrupted()).isTrue();
                            assertThat(threw.failure()).isInstanceOf(InterruptedException.class);
                        });
    }

    @Test
    void aForcedStopGivesUpOnATaskIgnoringItAfterTheGrace() throws Exception {
        CompletableFuture<TimedRun.Outcome> outcome = new CompletableFuture<>();
        Thread slot =
                new Thread(
                        () ->
                                outcome.complete(
                                        run.run(
                                                ignoresInterruption(),
                                                null,
                                                Duration.ofSeconds(30))));
        slot.start();
        Thread.sleep(100);

        slot.interrupt();

        assertThat(outcome.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOfSatisfying(
                        TimedRun.Threw.class, threw -> assertThat(threw.interrupted()).isTrue());
        assertThat(stuckCount).hasValue(1);
    }

    @Test
    void anInterruptAfterTheTaskEndedNeverReachesTheThreadsNextTask() {
        for (int i = 0; i < 50; i++) {
            run.run(context -> "quick", null, Duration.ofMillis(1));
            assertThat(run.run(context -> Thread.currentThread().isInterrupted(), null, TIMEOUT))
                    .isEqualTo(new TimedRun.Returned(false));
        }
    }

    @Test
    void durationsReadAsUsersWroteThem() {
        assertThat(TimedRun.text(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(TimedRun.text(Duration.ofMillis(2500))).isEqualTo("2500ms");
    }
}
