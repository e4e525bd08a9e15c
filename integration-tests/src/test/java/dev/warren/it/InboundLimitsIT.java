package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.internal.codec.Codec;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.transport.Connections;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.it.support.RawMessages;
import dev.warren.it.tasks.Echo;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Bodies too large or too deep, injected raw: each is dead-lettered with its reason once, never
 * looping through closed connections, and a body over the client's inbound limit is never
 * allocated.
 */
@WarrenTest
class InboundLimitsIT {
    private static final int MAX_BODY = 64 * 1024;

    private static WarrenConfig config(TestBroker test) {
        return test.config().maxBodyBytes(MAX_BODY).build();
    }

    /** Publishes these bytes as the body of a message signed with the test key. */
    private static Codec passingBytesThrough() {
        return new Codec() {
            @Override
            public byte[] encode(Object value) {
                return (byte[]) value;
            }

            @Override
            public Object decode(byte[] bytes) {
                return bytes;
            }
        };
    }

    private static Envelope signed(TestBroker test, String queue, byte[] body) {
        MessageSealer sealer =
                new MessageSealer(passingBytesThrough(), HmacSigner.of(test.keys()), body.length);
        return sealer.seal(
                new Heading(
                        TaskId.random().toString(),
                        Echo.class.getName(),
                        System.currentTimeMillis(),
                        null,
                        1,
                        TaskProtocol.taskOn(queue)),
                body);
    }

    /** Lists in lists, as deep as fits in {@code maxBytes}: far deeper than any stack. */
    private static byte[] nestedLists(int maxBytes) {
        KryoCodec codec = KryoCodec.of(Map.of());
        byte[] empty = codec.encode(new ArrayList<>());
        byte[] one = codec.encode(new ArrayList<>(List.of(new ArrayList<>())));
        byte[] prefix = Arrays.copyOf(one, one.length - empty.length);
        int depth = (maxBytes - empty.length) / prefix.length;
        byte[] deep = new byte[prefix.length * depth + empty.length];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(prefix, 0, deep, i * prefix.length, prefix.length);
        }
        System.arraycopy(empty, 0, deep, prefix.length * depth, empty.length);
        return deep;
    }

    private static void assertDeadLetteredOnce(
            TestBroker test, String queue, Envelope message, RejectReason reason) throws Exception {
        WarrenConfig config = config(test);
        try (Broker broker = Broker.connect(config);
                Worker worker = Worker.start(broker, WorkerConfig.custom().queues(queue).build())) {
            RawMessages.publish(
                    test,
                    Topology.workQueue(queue),
                    RawMessages.properties(message, RawMessages.headers(message)),
                    message.body());

            String dead = Topology.deadLetterQueue(queue);
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 1);
            List<GetResponse> letters = Queues.drain(test, dead);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).getProps().getHeaders().get(Headers.DEAD_REASON))
                    .hasToString(reason.name());
            assertThat(letters.get(0).getEnvelope().isRedeliver()).isFalse();
            assertThat(worker.stats().rejected()).isEqualTo(1);
            assertThat(Queues.depth(test, Topology.workQueue(queue))).isZero();
        }
    }

    @Test
    void aBodyJustUnderTheInboundLimitIsDeadLetteredAsOversizedWithoutALoop(TestBroker test)
            throws Exception {
        String queue = test.uniqueName("it-limits-size");
        Queues.reset(test, queue);
        int justUnder = Connections.maxInboundBodyBytes(config(test)) - 1024;

        assertDeadLetteredOnce(
                test, queue, signed(test, queue, new byte[justUnder]), RejectReason.OVERSIZED);
    }

    @Test
    void deepNestingInASignedBodyIsDeadLetteredAsUndecodable(TestBroker test) throws Exception {
        String queue = test.uniqueName("it-limits-depth");
        Queues.reset(test, queue);

        assertDeadLetteredOnce(
                test, queue, signed(test, queue, nestedLists(MAX_BODY)), RejectReason.UNDECODABLE);
    }

    @Test
    void aBodyOverTheInboundLimitClosesTheConnectionBeforeItIsAllocated(TestBroker test)
            throws Exception {
        String queue = test.uniqueName("it-limits-inbound");
        WarrenConfig config = config(test);
        int overLimit = Connections.maxInboundBodyBytes(config) + 1;
        try (Connection raw = test.rawConnection()) {
            Channel channel = raw.createChannel();
            channel.queueDeclare(queue, false, false, false, null);
            channel.basicPublish("", queue, new AMQP.BasicProperties(), new byte[overLimit]);
        }
        AtomicInteger delivered = new AtomicInteger();
        CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
        Connection warren =
                Connections.to(config, Connections.Recovery.NONE, 30, null).open("it-limits");
        try {
            warren.addShutdownListener(closed::complete);
            Channel channel = warren.createChannel();
            channel.basicConsume(
                    queue,
                    false,
                    new DefaultConsumer(channel) {
                        @Override
                        public void handleDelivery(
                                String tag,
                                com.rabbitmq.client.Envelope envelope,
                                AMQP.BasicProperties properties,
                                byte[] body) {
                            delivered.incrementAndGet();
                        }
                    });

            assertThat(closed.get(20, TimeUnit.SECONDS)).hasStackTraceContaining("too large");
            assertThat(delivered).hasValue(0);
        } finally {
            warren.abort();
            try (Connection raw = test.rawConnection()) {
                raw.createChannel().queueDelete(queue);
            }
        }
    }
}
