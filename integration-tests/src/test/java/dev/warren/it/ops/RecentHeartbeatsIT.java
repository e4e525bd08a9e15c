package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Broker;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerRoster;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers keep their recent heartbeats in a stream, so a roster, {@code status} and the dashboard
 * see a worker at once instead of after its next beat.
 */
@WarrenTest
class RecentHeartbeatsIT {
    @TempDir Path dir;

    private TestBroker test;
    private Broker broker;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) {
        this.test = test;
        this.broker = Broker.connect(test.config().build());
        this.queue = test.uniqueName("ops-recent");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    /** A worker that beats once at start and then only every minute. */
    private Worker rarelyBeating() {
        return Worker.start(
                broker,
                WorkerConfig.custom()
                        .queues(queue)
                        .concurrency(1)
                        .heartbeatInterval(Duration.ofMinutes(1))
                        .build());
    }

    private static boolean onQueue(WorkerHeartbeat beat, String queue) {
        return beat.queues().contains(queue) && beat.pid() == ProcessHandle.current().pid();
    }

    @Test
    void aRosterStartedAfterTheLastBeatStillSeesTheWorker() throws Exception {
        try (Worker worker = rarelyBeating();
                WorkerRoster roster = WorkerRoster.listen(broker)) {
            long start = System.nanoTime();

            assertThat(roster.awaitRecentBeats(Duration.ofSeconds(20))).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(roster.workers()).anyMatch(beat -> onQueue(beat, queue));
        }
    }

    @Test
    void statusAnswersOnceTheRecentBeatsAreReadNotAfterItsWholeWait() throws Exception {
        Path keys = Ops.keyFile(dir, test.keysText());
        try (Worker worker = rarelyBeating()) {
            long start = System.nanoTime();

            Ops.Run run = Ops.cli(test, keys, List.of("status"), "--wait", "20", "--queue", queue);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(run.out().lines().filter(l -> l.contains(" " + queue + " ")))
                    .anyMatch(l -> l.contains(Long.toString(ProcessHandle.current().pid())));
        }
    }
}
