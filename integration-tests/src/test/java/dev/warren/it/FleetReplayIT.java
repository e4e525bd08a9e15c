package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.RejectReason;
import dev.warren.it.support.RawMessages;
import dev.warren.it.tasks.Counted;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replay protection holds for the fleet: a captured task published again is refused by every
 * worker, by a worker that restarted, and with the broker's {@code redelivered} flag set by hand; a
 * genuine redelivery after a worker died still runs, and a task whose workers keep dying stops at
 * the delivery limit.
 */
@WarrenTest
class FleetReplayIT {
    private static final String QUEUE = "it-fleet";
    private static final String WORK = Topology.workQueue(QUEUE);
    private static final String DEAD = Topology.deadLetterQueue(QUEUE);

    private TestBroker test;
    private final List<Broker> brokers = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
    }

    @AfterEach
    void stop() {
        Counted.releaseAll();
        for (Worker worker : workers) {
            try {
                worker.close();
            } catch (RuntimeException e) {
                // a worker whose broker link was cut on purpose cannot settle anything
            }
        }
        brokers.forEach(Broker::close);
    }

    private Broker broker(WarrenConfig.Builder config) {
        // the tests seal Counted by hand instead of submitting it, so it is named up front
        Broker broker = Broker.connect(config.tasks(Counted.class).build());
        brokers.add(broker);
        return broker;
    }

    private Worker worker(Broker broker) {
        Worker worker =
                Worker.start(
                        broker,
                        WorkerConfig.custom()
                                .queues(QUEUE)
                                .shutdownTimeout(Duration.ofSeconds(2))
                                .build());
        workers.add(worker);
        return worker;
    }

    private Worker worker() {
        return worker(broker(test.config()));
    }

    private Envelope captured(String key) {
        return BrokerLink.of(broker(test.config()))
                .sealer()
                .seal(
                        new Heading(
                                TaskId.random().toString(),
                                Counted.class.getName(),
                                System.currentTimeMillis(),
                                null,
                                1,
                                TaskProtocol.taskOn(QUEUE)),
                        new Counted(key));
    }

    private void publish(Envelope envelope) throws Exception {
        RawMessages.publish(
                test,
                WORK,
                RawMessages.properties(envelope, RawMessages.headers(envelope)),
                envelope.body());
    }

    private void ranOnce(Envelope task, String key) throws Exception {
        publish(task);
        await().atMost(Duration.ofSeconds(20)).until(() -> Counted.runs(key) == 1);
    }

    private GetResponse deadLetter() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, DEAD) == 1);
        return Queues.drain(test, DEAD).get(0);
    }

    private static String reason(GetResponse dead) {
        return String.valueOf(dead.getProps().getHeaders().get(Headers.DEAD_REASON));
    }

    @Test
    void aTaskOneWorkerTookIsRefusedByAnother() throws Exception {
        String key = test.uniqueName("other");
        Envelope task = captured(key);
        Worker first = worker();
        ranOnce(task, key);
        await().atMost(Duration.ofSeconds(10)).until(() -> Queues.depth(test, WORK) == 0);
        first.close();

        worker();
        publish(task);

        assertThat(reason(deadLetter())).isEqualTo(RejectReason.REPLAYED.name());
        assertThat(Counted.runs(key)).isEqualTo(1);
    }

    @Test
    void aRestartedWorkerRemembersWhatTheFleetTook() throws Exception {
        String key = test.uniqueName("restart");
        Envelope task = captured(key);
        Broker before = broker(test.config());
        Worker first = worker(before);
        ranOnce(task, key);
        first.close();
        before.close();

        worker();
        publish(task);

        assertThat(reason(deadLetter())).isEqualTo(RejectReason.REPLAYED.name());
        assertThat(Counted.runs(key)).isEqualTo(1);
    }

    @Test
    void theRedeliveredFlagSetByGetAndNackIsNoFreePass() throws Exception {
        String key = test.uniqueName("flag");
        Envelope task = captured(key);
        Worker first = worker();
        ranOnce(task, key);
        first.close();

        publish(task);
        try (Connection connection = test.rawConnection();
                Channel channel = connection.createChannel()) {
            GetResponse copy = channel.basicGet(WORK, false);
            channel.basicNack(copy.getEnvelope().getDeliveryTag(), false, true);
        }
        try (Connection connection = test.rawConnection();
                Channel channel = connection.createChannel()) {
            GetResponse flagged = channel.basicGet(WORK, false);
            assertThat(flagged.getEnvelope().isRedeliver())
                    .as("the copy carries the redelivered flag")
                    .isTrue();
            channel.basicNack(flagged.getEnvelope().getDeliveryTag(), false, true);
        }
        worker();

        assertThat(reason(deadLetter())).isEqualTo(RejectReason.REPLAYED.name());
        assertThat(Counted.runs(key)).isEqualTo(1);
    }

    @Test
    void aTaskWhoseWorkerDiedMidTaskRunsOnAnother() throws Exception {
        String key = test.uniqueName("hang-once");
        Broker dying = broker(test.config());
        worker(dying);
        TaskClient client = new TaskClient(broker(test.config()));
        TaskHandle<String> handle = client.submit(new Counted(key));
        await().atMost(Duration.ofSeconds(20)).until(() -> Counted.runs(key) == 1);

        dying.close(); // its connections go, as when its JVM dies: the task is redelivered
        worker();

        assertThat(handle.await(Duration.ofSeconds(30))).isEqualTo(key + "#2");
        client.close();
    }

    @Test
    void aTaskWhoseWorkersKeepDyingIsDeadLetteredAtTheDeliveryLimit() throws Exception {
        String key = test.uniqueName("hang");
        WarrenConfig.Builder limited = test.config().quorumDeliveryLimit(2);
        Envelope task = captured(key);
        for (int death = 1; death <= 2; death++) {
            Broker dying = broker(limited);
            worker(dying);
            if (death == 1) {
                publish(task);
            }
            int runs = death;
            await().atMost(Duration.ofSeconds(20)).until(() -> Counted.runs(key) == runs);
            dying.close();
        }

        worker(broker(limited));

        GetResponse dead = deadLetter();
        assertThat(reason(dead)).isEqualTo(RejectReason.DELIVERY_LIMIT.name());
        assertThat(String.valueOf(dead.getProps().getHeaders().get(Headers.DEAD_DETAIL)))
                .contains("2 times");
        assertThat(Counted.runs(key)).isEqualTo(2);
    }

    @Test
    void tasksStillRunNormallyWithTwoWorkersSharingTheLog() throws Exception {
        worker();
        worker();
        TaskClient client = new TaskClient(broker(test.config()));
        List<TaskHandle<String>> handles = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            handles.add(client.submit(new Counted(test.uniqueName("n" + i))));
        }
        for (TaskHandle<String> handle : handles) {
            assertThat(handle.await(Duration.ofSeconds(30))).endsWith("#1");
        }
        assertThat(Queues.depth(test, DEAD)).isZero();
        client.close();
    }
}
