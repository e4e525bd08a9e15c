package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Broker;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.it.tasks.Overlap;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A map keeps at most its window of tasks in flight (published and not yet answered), even when the
 * worker has room for many more.
 */
@WarrenTest
class MapWindowIT {
    private static final int WINDOW = 3;
    private static final int TASKS = 24;

    @Test
    void aMapNeverHasMoreThanItsWindowOfTasksInFlight(TestBroker test) throws Exception {
        Queues.reset(test, "it-overlap");
        String run = test.uniqueName("window");
        AtomicInteger mostInFlight = new AtomicInteger();
        try (Broker broker = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(broker);
                Worker worker =
                        Worker.start(
                                broker,
                                WorkerConfig.custom()
                                        .queues("it-overlap")
                                        .concurrency(4 * WINDOW)
                                        .build())) {
            Iterable<Overlap> tasks =
                    () ->
                            new Iterator<>() {
                                private int next;

                                @Override
                                public boolean hasNext() {
                                    return next < TASKS;
                                }

                                @Override
                                public Overlap next() {
                                    // asked for the next input: everything before it is
                                    // published
                                    mostInFlight.accumulateAndGet(client.inFlight(), Math::max);
                                    return new Overlap(run, next++, 200);
                                }
                            };

            List<Integer> results =
                    client.map(
                                    tasks,
                                    MapOptions.custom()
                                            .window(WINDOW)
                                            .onProgress(
                                                    (done, total) ->
                                                            mostInFlight.accumulateAndGet(
                                                                    client.inFlight(), Math::max))
                                            .build())
                            .get(60, TimeUnit.SECONDS);

            assertThat(results).isEqualTo(IntStream.range(0, TASKS).boxed().toList());
            assertThat(mostInFlight).as("tasks in flight at the client").hasValue(WINDOW);
            assertThat(Overlap.mostAtOnce(run)).as("tasks running at once").isEqualTo(WINDOW);
            assertThat(client.inFlight()).isZero();
        }
    }
}
