package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.it.support.ForcedClose;
import dev.warren.it.support.RawMessages;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedQueue;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A distributed queue meets forged items, a consumer killed with an item in hand, and a connection
 * the broker closes in the middle of a get.
 */
@WarrenTest
class DistributedQueueFailuresIT {
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(20);

    private static String items(String name) {
        return "warren.sync.queue." + name;
    }

    @Test
    void forgedItemsAreDroppedCountedAndNeverReturned(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-queue-forged");
        String other = broker.uniqueName("it-queue-other");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue = coordinator.queue(name, String.class);
            DistributedQueue<String> elsewhere = coordinator.queue(other, String.class);
            try {
                elsewhere.put("meant for another queue");
                GetResponse genuine = takeRaw(broker, items(other));
                queue.put("mine");
                GetResponse mine = takeRaw(broker, items(name));
                takeRaw(broker, items(name) + "#unfinished"); // the stolen item's marker
                AMQP.BasicProperties plain =
                        new AMQP.BasicProperties.Builder().deliveryMode(2).build();
                RawMessages.publish(
                        broker, items(name), plain, "junk".getBytes(StandardCharsets.UTF_8));
                RawMessages.publish(broker, items(name), genuine.getProps(), genuine.getBody());
                byte[] tampered = genuine.getBody().clone();
                tampered[tampered.length - 1] ^= 1;
                RawMessages.publish(broker, items(name), genuine.getProps(), tampered);
                byte[] changed = mine.getBody().clone();
                changed[changed.length - 1] ^= 1;
                RawMessages.publish(broker, items(name), mine.getProps(), changed);
                queue.put("genuine");

                assertThat(queue.get(Duration.ofSeconds(5))).isEqualTo("genuine");
                System.out.printf(
                        "forged items: 4 injected, got the genuine one, %d dropped, %d left%n",
                        coordinator.droppedCount(), queue.size());
                assertThat(coordinator.droppedCount()).isEqualTo(4);
                assertThat(queue.size()).isZero();
                assertThat(queue.poll()).isEmpty();
                queue.taskDone();
                assertThat(queue.join(Duration.ofSeconds(1))).isTrue();
            } finally {
                queue.delete();
                elsewhere.delete();
            }
        }
    }

    /** A genuine message, taken off the queue for good, as someone with read access can. */
    private static GetResponse takeRaw(TestBroker broker, String queue) throws Exception {
        try (Connection raw = broker.rawConnection();
                Channel ch = raw.createChannel()) {
            GetResponse got = ch.basicGet(queue, true);
            assertThat(got).as("a message in " + queue).isNotNull();
            return got;
        }
    }

    @Test
    void anItemInTheHandOfAKilledConsumerComesBack(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-queue-kill");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue = coordinator.queue(name, String.class);
            try (JvmProcess holder = QueueChild.launch(broker, "hold", name, "0")) {
                queue.put("precious");
                assertThat(holder.awaitLine("HOLDING", Duration.ofSeconds(60)))
                        .isEqualTo("precious");
                assertThat(queue.size()).isZero();
                assertThat(queue.join(Duration.ofMillis(200))).isFalse();
                holder.kill();
                long killed = System.nanoTime();
                assertThat(queue.get(Duration.ofSeconds(10))).isEqualTo("precious");
                System.out.printf(
                        "item held by a SIGKILLed consumer taken again here %d ms after the kill%n",
                        (System.nanoTime() - killed) / 1_000_000);
                queue.taskDone();
                assertThat(queue.join(Duration.ofSeconds(5))).isTrue();
            } finally {
                queue.delete();
            }
        }
    }

    @Test
    void aGetCutByAForcedCloseGoesOnAndTheItemInHandAtTheLossComesBack(TestBroker broker)
            throws Exception {
        String connectionName = broker.uniqueName("queue-recovery");
        String name = broker.uniqueName("it-queue-recovery");
        try (Coordinator coordinator =
                        Coordinator.connect(
                                broker.config().connectionName(connectionName).build());
                Coordinator other = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue = coordinator.queue(name, String.class);
            DistributedQueue<String> feeding = other.queue(name, String.class);
            try {
                feeding.put("held at the loss");
                assertThat(queue.get(Duration.ofSeconds(5))).isEqualTo("held at the loss");
                CompletableFuture<String> waiting =
                        CompletableFuture.supplyAsync(() -> queue.get(Duration.ofSeconds(60)));
                await().atMost(Duration.ofSeconds(5)).until(() -> consumers(broker, name) == 1);
                long before = coordinator.reconnectCount();

                assertThat(ForcedClose.connectionsNamed(broker, connectionName + "/sync@"))
                        .isEqualTo(1);

                await().atMost(RECOVERED_WITHIN).until(() -> coordinator.reconnectCount() > before);
                assertThat(waiting.get(20, TimeUnit.SECONDS))
                        .as("the item in hand at the loss came back, to the get still waiting")
                        .isEqualTo("held at the loss");
                queue.taskDone(); // the lost one: nothing to settle
                assertThat(feeding.unfinishedCount()).isEqualTo(1);
                queue.taskDone(); // the one taken again
                feeding.put("after");
                assertThat(queue.get(Duration.ofSeconds(5))).isEqualTo("after");
                queue.taskDone();
                assertThat(feeding.join(Duration.ofSeconds(5))).isTrue();
            } finally {
                feeding.delete();
            }
        }
    }

    private static int consumers(TestBroker broker, String name) throws Exception {
        try (Connection raw = broker.rawConnection();
                Channel ch = raw.createChannel()) {
            return ch.queueDeclarePassive(items(name)).getConsumerCount();
        }
    }
}
