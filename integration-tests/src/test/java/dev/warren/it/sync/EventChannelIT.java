package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.warren.sync.Coordinator;
import dev.warren.sync.EventChannel;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WarrenTest
class EventChannelIT {
    private static final int EVENTS = 1_000;

    @Test
    void threeSubscriberProcessesEachGetEveryEventOnceAndDropForgedOnes(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-events");
        String exchange = "warren.sync.events." + name;
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            EventChannel<String> channel = EventChannel.named(name, String.class, coordinator);
            // caught before the subscribers start, so they never see it
            AMQP.BasicProperties captured = captureOne(broker, channel, exchange);
            List<JvmProcess> children = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    children.add(SyncChild.launch(broker, "events-subscribe", name));
                }
                for (JvmProcess child : children) {
                    child.awaitLine("SUBSCRIBED", Duration.ofSeconds(60));
                }
                long start = System.nanoTime();
                try (Connection raw = broker.rawConnection();
                        Channel ch = raw.createChannel()) {
                    for (int i = 0; i < EVENTS; i++) {
                        channel.publish("event-" + i);
                        if (i == EVENTS / 2) {
                            injectForgeries(ch, exchange, captured);
                        }
                    }
                }
                long publishMs = (System.nanoTime() - start) / 1_000_000;
                for (JvmProcess child : children) {
                    child.awaitLine("PROGRESS " + EVENTS + " 4", Duration.ofSeconds(30));
                    child.closeInput();
                    String[] report = child.awaitLine("REPORT", Duration.ofSeconds(10)).split(" ");
                    assertThat(report)
                            .containsExactly(
                                    String.valueOf(EVENTS), String.valueOf(EVENTS), "0", "4");
                }
                System.out.printf(
                        "event channel: %d confirmed publishes in %d ms, 3 subscriber processes got each once; 4 forgeries dropped by each%n",
                        EVENTS, publishMs);
            } finally {
                children.forEach(JvmProcess::close);
                channel.delete();
            }
        }
    }

    @Test
    void aSubscriptionGetsOnlyWhatIsPublishedWhileItIsOpen(TestBroker broker) {
        String name = broker.uniqueName("it-events-open");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            EventChannel<String> channel = EventChannel.named(name, String.class, coordinator);
            List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            channel.publish("before");
            EventChannel.Subscription subscription = channel.subscribe(got::add);
            channel.publish("during");
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> got.size() == 1);
            subscription.close();
            channel.publish("after");
            assertThat(subscription.isActive()).isFalse();
            assertThat(got).containsExactly("during");
            channel.delete();
        }
    }

    /** A genuine signed event, caught off the wire, to tamper with. */
    private static AMQP.BasicProperties captureOne(
            TestBroker broker, EventChannel<String> channel, String exchange) throws Exception {
        CompletableFuture<AMQP.BasicProperties> seen = new CompletableFuture<>();
        try (Connection raw = broker.rawConnection();
                Channel ch = raw.createChannel()) {
            String queue = ch.queueDeclare().getQueue();
            ch.queueBind(queue, exchange, "");
            ch.basicConsume(
                    queue,
                    true,
                    new DefaultConsumer(ch) {
                        @Override
                        public void handleDelivery(
                                String tag,
                                Envelope envelope,
                                AMQP.BasicProperties properties,
                                byte[] body) {
                            seen.complete(properties);
                        }
                    });
            channel.publish("event-probe");
            return seen.get(5, TimeUnit.SECONDS);
        }
    }

    /** Unsigned, tampered body, signature of another message, and a replay of a real one. */
    private static void injectForgeries(Channel ch, String exchange, AMQP.BasicProperties genuine)
            throws Exception {
        Map<String, Object> unsignedHeaders = new HashMap<>(genuine.getHeaders());
        unsignedHeaders.remove("x-warren-sig");
        unsignedHeaders.remove("x-warren-key");
        ch.basicPublish(
                exchange,
                "",
                genuine.builder().messageId("forged-1").headers(unsignedHeaders).build(),
                "unsigned".getBytes(StandardCharsets.UTF_8));
        ch.basicPublish(
                exchange,
                "",
                genuine.builder().messageId("forged-2").build(),
                "tampered".getBytes(StandardCharsets.UTF_8));
        ch.basicPublish(
                exchange,
                "",
                genuine,
                "tampered body, genuine headers".getBytes(StandardCharsets.UTF_8));
        ch.basicPublish(
                exchange,
                "",
                genuine.builder().type("warren.sync.event:some-other-channel").build(),
                new byte[] {1});
    }
}
