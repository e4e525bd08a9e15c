package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.Topology;
import dev.warren.it.tasks.QuorumEcho;
import dev.warren.it.tasks.RetryTimes;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code quorumQueues(true)}: replicated work queues with a delivery limit, quorum delay and reply
 * queues, on a real node.
 */
@WarrenTest
class QuorumQueueIT {
    private static final String WORK = Topology.workQueue("it-quorum");
    private static final String DEAD = Topology.deadLetterQueue("it-quorum");

    private WarrenConfig config;

    @BeforeEach
    void reset(TestBroker test) throws Exception {
        Queues.reset(test, "it-quorum");
        config = test.config().quorumQueues(true).quorumDeliveryLimit(2).build();
    }

    @Test
    void quorumWorkQueuesCarryTasksAndAreDeclaredAsQuorumQueues(TestBroker test) throws Exception {
        try (Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker);
                Worker worker =
                        Worker.start(broker, WorkerConfig.custom().queues("it-quorum").build())) {

            assertThat(client.submit(new QuorumEcho("replicated")).await(Duration.ofSeconds(30)))
                    .isEqualTo("replicated");
        }
        String queues = test.rabbitmqctl("list_queues", "-q", "name", "type", "arguments");
        assertThat(queues.lines().filter(line -> line.startsWith(WORK + "\t")).findFirst())
                .hasValueSatisfying(
                        line ->
                                assertThat(line)
                                        .contains("quorum", "x-delivery-limit", "at-least-once"));
        assertThat(queues.lines().filter(line -> line.startsWith(DEAD + "\t")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("quorum"));
    }

    @Test
    void messageDeliveredPastTheDeliveryLimitIsDeadLettered(TestBroker test) throws Exception {
        try (Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker)) {
            client.enqueue(new QuorumEcho("poison"));
        }
        // a worker that crashes on the message looks to the broker like a delivery never acked
        try (Connection connection = test.rawConnection();
                Channel channel = connection.createChannel()) {
            for (int delivery = 1; delivery <= 3; delivery++) {
                GetResponse response = awaitMessage(channel);
                channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, DEAD) == 1);
        assertThat(Queues.depth(test, WORK)).isZero();
    }

    @Test
    void aRetryWaitsInAQuorumDelayQueueAndComesBack(TestBroker test) throws Exception {
        try (Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker);
                Worker worker =
                        Worker.start(broker, WorkerConfig.custom().queues("it-quorum").build())) {

            assertThat(
                            client.submit(
                                            new RetryTimes("retried"),
                                            SubmitOptions.onQueue("it-quorum"))
                                    .await(Duration.ofSeconds(30)))
                    .as("the third attempt's result")
                    .isEqualTo(3);
        }
        String delay = Topology.delayQueue("it-quorum", Duration.ofMillis(500));
        assertThat(queueLine(test, delay))
                .hasValueSatisfying(line -> assertThat(line).contains("quorum", "at-least-once"));
    }

    @Test
    void aQuorumReplyQueueIsQuorumWithASingleActiveConsumer(TestBroker test) throws Exception {
        try (Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker)) {
            String replyQueue = Topology.replyQueue(client.clientId());

            assertThat(queueLine(test, replyQueue))
                    .hasValueSatisfying(
                            line ->
                                    assertThat(line)
                                            .contains(
                                                    "quorum",
                                                    "x-single-active-consumer",
                                                    "x-expires"));
        }
    }

    private static java.util.Optional<String> queueLine(TestBroker test, String queue)
            throws Exception {
        return test.rabbitmqctl("list_queues", "-q", "name", "type", "arguments")
                .lines()
                .filter(line -> line.startsWith(queue + "\t"))
                .findFirst();
    }

    private static GetResponse awaitMessage(Channel channel) {
        GetResponse[] got = new GetResponse[1];
        await().atMost(Duration.ofSeconds(10))
                .until(() -> (got[0] = channel.basicGet(WORK, false)) != null);
        return got[0];
    }
}
