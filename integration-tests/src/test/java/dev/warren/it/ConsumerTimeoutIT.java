package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectReason;
import dev.warren.it.tasks.SlowFirstTime;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ closes the channel of a consumer that keeps a delivery unacknowledged past {@code
 * consumer_timeout} (30 minutes by default). The Java client does not recover a channel the broker
 * closed, so without help the worker would silently stop consuming. The broker then redelivers the
 * task while its first run goes on: the worker refuses that copy as a replay (it holds the attempt)
 * and the first run's reply is the caller's. Shrinks the broker's timeout to 2 seconds for the
 * test, and restores it after.
 */
@WarrenTest
class ConsumerTimeoutIT {
    private static final String DEAD = Topology.deadLetterQueue("it-consumer-timeout");

    @Test
    void workerConsumesAgainAfterTheBrokerClosesItsChannelForAnAckTimeout(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-consumer-timeout");
        String timeout =
                test.rabbitmqctl("eval", "application:get_env(rabbit, consumer_timeout).").strip();
        String tick =
                test.rabbitmqctl("eval", "application:get_env(rabbit, channel_tick_interval).")
                        .strip();
        test.rabbitmqctl("eval", "application:set_env(rabbit, consumer_timeout, 2000).");
        test.rabbitmqctl("eval", "application:set_env(rabbit, channel_tick_interval, 500).");
        try (Broker broker = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(broker);
                Worker worker =
                        Worker.start(
                                broker,
                                WorkerConfig.custom()
                                        .queues("it-consumer-timeout")
                                        .concurrency(2)
                                        .build())) {

            String result = client.submit(new SlowFirstTime(8_000)).await(Duration.ofSeconds(30));

            assertThat(result)
                    .as("the first run's reply: the task runs once, past the timeout")
                    .isEqualTo("redelivered=false");
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, DEAD) == 1);
            GetResponse refused = Queues.drain(test, DEAD).get(0);
            assertThat(refused.getProps().getHeaders().get(Headers.DEAD_REASON))
                    .as(
                            "the broker took the task back, the resubscribed consumer got it again"
                                    + " and refused it while its first run went on")
                    .hasToString(RejectReason.REPLAYED.name());
            assertThat(client.submit(new SlowFirstTime(0)).await(Duration.ofSeconds(20)))
                    .as("the worker consumes again")
                    .isEqualTo("redelivered=false");
        } finally {
            test.rabbitmqctl(
                    "eval",
                    "application:set_env(rabbit, consumer_timeout, "
                            + value(timeout, "1800000")
                            + ").");
            test.rabbitmqctl(
                    "eval",
                    "application:set_env(rabbit, channel_tick_interval, "
                            + value(tick, "60000")
                            + ").");
        }
    }

    /**
     * The number in rabbitmqctl's {@code {ok,1800000}}, or the default when the value was unset.
     */
    private static String value(String erlang, String otherwise) {
        return erlang.startsWith("{ok,") ? erlang.substring(4, erlang.length() - 1) : otherwise;
    }
}
