package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.protocol.RemoteFailure;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.it.support.LogCapture;
import dev.warren.it.support.RawMessages;
import dev.warren.it.tasks.Echo;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whoever can publish to a client's reply queue (its name is in every task's {@code reply_to})
 * sends messages for a task that is still pending: a copy of the task itself, unsigned junk, and
 * replies signed for another task or another reply queue. None of them touches the task's future;
 * the genuine reply, once the worker runs, completes it.
 */
@WarrenTest
class ForgedRepliesIT {
    private static final String QUEUE = "it-echo";
    private static final String REPLIES = "dev.warren.client.PendingReplies";

    private static WarrenConfig config(TestBroker test) {
        return test.config().build();
    }

    @Test
    void forgedRepliesLeaveAPendingTaskAloneUntilTheGenuineReplyCompletesIt(TestBroker test)
            throws Exception {
        Queues.reset(test, QUEUE);
        try (LogCapture refusals = LogCapture.of(REPLIES, Level.WARN);
                Broker broker = Broker.connect(config(test));
                TaskClient client = new TaskClient(broker)) {
            TaskHandle<String> handle = client.submit(new Echo("genuine"));
            GetResponse task = peek(test, 1).get(0); // no worker yet: the task stays pending
            String replyQueue = task.getProps().getReplyTo();
            assertThat(replyQueue).isEqualTo(Topology.replyQueue(client.clientId()));

            List<String> why =
                    forgeRepliesTo(test, broker, task, "forged", refusals, handle.result());

            assertThat(why)
                    .satisfiesExactly(
                            echoedTask -> assertThat(echoedTask).contains("MISDIRECTED"),
                            junk -> assertThat(junk).contains("UNSUPPORTED_VERSION"),
                            unsigned -> assertThat(unsigned).contains("MISSING_SIGNATURE"),
                            tampered -> assertThat(tampered).contains("BAD_SIGNATURE"),
                            otherTask -> assertThat(otherTask).contains("MISDIRECTED"),
                            otherQueue -> assertThat(otherQueue).contains("MISDIRECTED"));
            assertThat(handle.result()).as("no forged message touched the future").isNotDone();
            assertThat(client.inFlight()).isEqualTo(1);

            try (Worker worker =
                    Worker.start(broker, WorkerConfig.custom().queues(QUEUE).build())) {
                assertThat(handle.await(Duration.ofSeconds(20))).isEqualTo("genuine");
            }
            assertThat(client.inFlight()).isZero();
        }
    }

    @Test
    void aForgedFailureDoesNotEndAMap(TestBroker test) throws Exception {
        Queues.reset(test, QUEUE);
        try (LogCapture refusals = LogCapture.of(REPLIES, Level.WARN);
                Broker broker = Broker.connect(config(test));
                TaskClient client = new TaskClient(broker)) {
            CompletableFuture<List<String>> map =
                    client.map(
                            List.of(new Echo("a"), new Echo("b"), new Echo("c")),
                            MapOptions.custom().window(3).build());
            List<GetResponse> tasks = peek(test, 3);

            List<String> why = forgeRepliesTo(test, broker, tasks.get(1), null, refusals, map);

            assertThat(why).hasSize(6);
            assertThat(map).as("no forged failure ended the map").isNotDone();
            try (Worker worker =
                    Worker.start(broker, WorkerConfig.custom().queues(QUEUE).build())) {
                assertThat(map.get(20, TimeUnit.SECONDS)).containsExactly("a", "b", "c");
            }
        }
    }

    /**
     * Publishes six forged messages for {@code task} into its reply queue, one at a time, and
     * returns the client's refusal of each. A forged reply carries {@code value}, or a remote
     * failure when it is null. Fails at the first that completes {@code watched}.
     */
    private static List<String> forgeRepliesTo(
            TestBroker test,
            Broker broker,
            GetResponse task,
            String value,
            LogCapture refusals,
            CompletableFuture<?> watched)
            throws Exception {
        String id = task.getProps().getMessageId();
        String replyQueue = task.getProps().getReplyTo();
        Object payload =
                value != null
                        ? value
                        : new RemoteFailure("java.lang.IllegalStateException", "forged", "", 1, 1);
        String type = value != null ? Headers.REPLY_SUCCEEDED : Headers.REPLY_FAILED;
        Envelope genuineLooking =
                forge(broker, id, type, TaskProtocol.replyFor(id, replyQueue), payload);

        Map<String, Object> unsigned = RawMessages.headers(genuineLooking);
        unsigned.remove(Headers.SIGNATURE);
        unsigned.remove(Headers.KEY_ID);
        byte[] otherBody =
                forge(broker, id, type, TaskProtocol.replyFor(id, replyQueue), "other").body();
        Envelope otherTask =
                forge(broker, id, type, TaskProtocol.replyFor("another-task", replyQueue), payload);
        Envelope otherQueue =
                forge(
                        broker,
                        id,
                        type,
                        TaskProtocol.replyFor(id, Topology.replyQueue("another-client")),
                        payload);

        Map<String, Runnable> forgeries = new LinkedHashMap<>();
        forgeries.put(
                "the task itself", publish(test, replyQueue, task.getProps(), task.getBody()));
        forgeries.put(
                "junk",
                publish(
                        test,
                        replyQueue,
                        new AMQP.BasicProperties.Builder()
                                .messageId(id)
                                .correlationId(id)
                                .type(type)
                                .build(),
                        "junk".getBytes(StandardCharsets.UTF_8)));
        forgeries.put(
                "an unsigned reply",
                publish(
                        test,
                        replyQueue,
                        RawMessages.properties(genuineLooking, unsigned),
                        genuineLooking.body()));
        forgeries.put(
                "a reply with another body under its signature",
                publish(
                        test,
                        replyQueue,
                        RawMessages.properties(genuineLooking, RawMessages.headers(genuineLooking)),
                        otherBody));
        forgeries.put("a reply signed for another task", publish(test, replyQueue, otherTask));
        forgeries.put(
                "a reply signed for another reply queue", publish(test, replyQueue, otherQueue));

        List<String> why = new ArrayList<>();
        for (Map.Entry<String, Runnable> forgery : forgeries.entrySet()) {
            int before = refusals.messages().size();
            forgery.getValue().run();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> refusals.messages().size() > before || watched.isDone());
            assertThat(watched).as(forgery.getKey() + " completed the future").isNotDone();
            why.add(refusals.messages().get(before));
        }
        return why;
    }

    private static Envelope forge(
            Broker broker, String id, String type, Binding binding, Object payload) {
        return BrokerLink.of(broker)
                .sealer()
                .seal(new Heading(id, type, System.currentTimeMillis(), null, 1, binding), payload);
    }

    private static Runnable publish(TestBroker test, String queue, Envelope envelope) {
        return publish(
                test,
                queue,
                RawMessages.properties(envelope, RawMessages.headers(envelope)),
                envelope.body());
    }

    private static Runnable publish(
            TestBroker test, String queue, AMQP.BasicProperties properties, byte[] body) {
        return () -> {
            try {
                RawMessages.publish(test, queue, properties, body);
            } catch (Exception e) {
                throw new AssertionError("could not publish into " + queue, e);
            }
        };
    }

    /** The first {@code count} tasks of the work queue, read and left there. */
    private static List<GetResponse> peek(TestBroker test, int count) throws Exception {
        String work = Topology.workQueue(QUEUE);
        await().atMost(Duration.ofSeconds(10)).until(() -> Queues.depth(test, work) == count);
        List<GetResponse> taken = new ArrayList<>();
        try (Connection raw = test.rawConnection()) {
            Channel channel = raw.createChannel();
            for (int i = 0; i < count; i++) {
                taken.add(channel.basicGet(work, false));
            }
            channel.basicRecover(true);
        }
        return taken;
    }
}
