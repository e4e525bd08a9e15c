package dev.warren.testing;

import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process workers for a {@link WarrenTest} class, in the class's namespace and with its keys:
 * started on demand, closed (and their queues deleted) after the class.
 *
 * <pre>{@code
 * @WarrenTest
 * class ThumbnailTest {
 *     @Test
 *     void makesThumbnails(TestWorkers workers, TaskClient client) {
 *         workers.start("thumbs");
 *         assertThat(client.submit(new MakeThumbnail("a.png"))).succeedsWithin(Duration.ofSeconds(10));
 *     }
 * }
 * }</pre>
 */
public final class TestWorkers implements AutoCloseable {
    private final Broker broker;
    private final String namespace;
    private final int concurrency;
    private final Consumer<String> queueUsed;
    private final List<Worker> started = new CopyOnWriteArrayList<>();
    private final List<Broker> ownBrokers = new CopyOnWriteArrayList<>();

    TestWorkers(Broker broker, String namespace, int concurrency, Consumer<String> queueUsed) {
        this.broker = broker;
        this.namespace = namespace;
        this.concurrency = concurrency;
        this.queueUsed = queueUsed;
    }

    /** A worker consuming {@code queues}, with the class's concurrency and no heartbeats. */
    public Worker start(String... queues) {
        return start(
                WorkerConfig.custom()
                        .queues(queues)
                        .concurrency(concurrency)
                        .heartbeatInterval(Duration.ZERO)
                        .shutdownTimeout(Duration.ofSeconds(10)));
    }

    /** A worker configured by hand (services, prefetch, ...). */
    public Worker start(WorkerConfig.Builder config) {
        return start(broker, config.build());
    }

    /**
     * A worker on a connection of its own with another configuration, moved into the class's
     * namespace: a worker with other keys, or with an older catalog (a stale jar), for tests of
     * what the caller then sees.
     */
    public Worker startWith(WarrenConfig other, String... queues) {
        Broker own = Broker.connect(other.toBuilder().namespace(namespace).build());
        ownBrokers.add(own);
        return start(
                own,
                WorkerConfig.custom()
                        .queues(queues)
                        .concurrency(concurrency)
                        .heartbeatInterval(Duration.ZERO)
                        .shutdownTimeout(Duration.ofSeconds(10))
                        .build());
    }

    private Worker start(Broker on, WorkerConfig config) {
        config.queues().forEach(queueUsed);
        Worker worker = Worker.start(on, config);
        started.add(worker);
        return worker;
    }

    /** The workers started so far, oldest first. */
    public List<Worker> started() {
        return List.copyOf(started);
    }

    /** Closes every worker started, newest first. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
        ownBrokers.forEach(Broker::close);
        ownBrokers.clear();
    }
}
