package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.BrokerUnavailableException;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.WarrenException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules of one map run, with a submitter that completes tasks when the test says so. */
class MapRunTest {

    record Numbered(int n) implements Task<Integer> {
        @Override
        public Integer run(TaskContext ctx) {
            return n;
        }
    }

    /** Holds every submitted task until {@link #completeNewestFirst} or {@link #fail}. */
    private static final class HeldSubmitter implements MapRun.Submitter<Integer> {
        private final Deque<CompletableFuture<Integer>> held = new ArrayDeque<>();
        private final Deque<Integer> inputs = new ArrayDeque<>();
        final AtomicInteger submitted = new AtomicInteger();
        int mostInFlight;

        @Override
        public synchronized CompletableFuture<Integer> submit(Task<Integer> task) {
            submitted.incrementAndGet();
            CompletableFuture<Integer> future = new CompletableFuture<>();
            held.push(future);
            inputs.push(((Numbered) task).n());
            mostInFlight = Math.max(mostInFlight, held.size());
            notifyAll();
            return future;
        }

        /** Waits until {@code count} tasks are held, then completes them newest first. */
        void completeNewestFirst(int count) throws InterruptedException {
            List<CompletableFuture<Integer>> done = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            synchronized (this) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (held.size() < count && System.nanoTime() < deadline) {
                    wait(100);
                }
                for (int i = 0; i < count && !held.isEmpty(); i++) {
                    done.add(held.pop());
                    values.add(inputs.pop() * 10);
                }
            }
            for (int i = 0; i < done.size(); i++) {
                done.get(i).complete(values.get(i));
            }
        }

        synchronized int held() {
            return held.size();
        }
    }

    private static List<Numbered> inputs(int count) {
        return IntStream.range(0, count).mapToObj(Numbered::new).toList();
    }

    private static MapOptions window(int tasks) {
        return MapOptions.custom().window(tasks).outageTolerance(Duration.ofSeconds(5)).build();
    }

    private static Thread drive(MapRun<?> run) {
        Thread driver = new Thread(run::run, "map-driver");
        driver.start();
        return driver;
    }

    @Test
    void resultsComeInInputOrderWhateverOrderTasksFinishIn() throws Exception {
        HeldSubmitter submitter = new HeldSubmitter();
        MapRun<Integer> run = new MapRun<>(inputs(12), window(4), submitter);
        drive(run);

        for (int round = 0; round < 3; round++) {
            submitter.completeNewestFirst(4);
        }

        assertThat(run.result().get(10, TimeUnit.SECONDS))
                .containsExactlyElementsOf(
                        IntStream.range(0, 12).map(n -> n * 10).boxed().toList());
    }

    @Test
    void neverMoreThanTheWindowIsInFlight() throws Exception {
        HeldSubmitter submitter = new HeldSubmitter();
        MapRun<Integer> run = new MapRun<>(inputs(50), window(5), submitter);
        drive(run);

        int finished = 0;
        while (finished < 50) {
            int heldNow = Math.min(5, 50 - finished);
            submitter.completeNewestFirst(heldNow); // waits until the window is full again
            finished += heldNow;
        }

        assertThat(run.result().get(10, TimeUnit.SECONDS)).hasSize(50);
        assertThat(submitter.mostInFlight).isEqualTo(5);
    }

    @Test
    void theInputIsReadLazilyOnlyAsTheWindowFrees() throws Exception {
        AtomicInteger read = new AtomicInteger();
        Iterable<Numbered> endless =
                () ->
                        new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return true;
                            }

                            @Override
                            public Numbered next() {
                                return new Numbered(read.getAndIncrement());
                            }
                        };
        HeldSubmitter submitter = new HeldSubmitter();
        MapRun<Integer> run = new MapRun<>(endless, window(3), submitter);
        Thread driver = drive(run);

        submitter.completeNewestFirst(3);
        submitter.completeNewestFirst(3);

        synchronized (submitter) {
            while (submitter.submitted.get() < 9) {
                submitter.wait(100);
            }
        }
        // the driver reads one input ahead of the window, never more
        assertThat(read.get()).isBetween(9, 10);
        assertThat(submitter.held()).isEqualTo(3);
        driver.interrupt();
    }

    @Test
    void theFirstFailureFailsTheMapAndStopsSubmission() throws Exception {
        HeldSubmitter submitter = new HeldSubmitter();
        MapRun<Integer> run = new MapRun<>(inputs(100), window(2), submitter);
        Thread driver = drive(run);
        synchronized (submitter) {
            while (submitter.held() < 2) {
                submitter.wait(100);
            }
        }
        CompletableFuture<Integer> first;
        synchronized (submitter) {
            first = submitter.held.peekLast();
        }

        first.completeExceptionally(new WarrenException("task 0 failed"));

        assertThatThrownBy(() -> run.result().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("task 0 failed");
        submitter.completeNewestFirst(1);
        driver.join(10_000);
        assertThat(driver.isAlive()).isFalse();
        assertThat(submitter.submitted).hasValue(2);
    }

    @Test
    void aBrokerOutageIsRiddenOutWithinTheTolerance() throws Exception {
        AtomicInteger refusals = new AtomicInteger(2);
        MapRun<Integer> run =
                new MapRun<>(
                        inputs(3),
                        window(10),
                        task -> {
                            if (refusals.getAndDecrement() > 0) {
                                throw new BrokerUnavailableException(
                                        "down",
                                        BrokerUnavailableException.Problem.CONNECTION_CLOSED,
                                        null);
                            }
                            return CompletableFuture.completedFuture(((Numbered) task).n());
                        });

        run.run();

        assertThat(run.result().get()).containsExactly(0, 1, 2);
    }

    @Test
    void anOutageLongerThanTheToleranceFailsTheMap() {
        MapRun<Integer> run =
                new MapRun<>(
                        inputs(3),
                        MapOptions.custom().outageTolerance(Duration.ZERO).build(),
                        task -> {
                            throw new BrokerUnavailableException(
                                    "down", BrokerUnavailableException.Problem.UNREACHABLE, null);
                        });

        run.run();

        assertThat(run.result()).isCompletedExceptionally();
    }

    @Test
    void progressCountsEveryCompletedTaskAgainstTheKnownTotal() {
        List<String> reports = new ArrayList<>();
        MapRun<Integer> run =
                new MapRun<>(
                        inputs(3),
                        MapOptions.custom()
                                .onProgress((done, total) -> reports.add(done + "/" + total))
                                .build(),
                        task -> CompletableFuture.completedFuture(1));

        run.run();

        assertThat(reports).containsExactly("1/3", "2/3", "3/3");
    }
}
