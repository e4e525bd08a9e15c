package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.codec.TaskTypes;
import dev.warren.internal.protocol.DeadLetterRecord;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.security.Signature;
import dev.warren.internal.security.SignedContent;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.it.support.RawMessages;
import dev.warren.it.tasks.Echo;
import dev.warren.it.tasks.Unregistered;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of invalid message, injected raw with the plain RabbitMQ client: each ends in the
 * dead-letter queue with its reason, and the worker keeps running valid tasks around it.
 */
@WarrenTest
class InvalidMessagesIT {
    private static final String QUEUE = "it-echo";
    private static final String WORK = Topology.workQueue(QUEUE);
    private static final String DEAD = Topology.deadLetterQueue(QUEUE);
    private static final int MAX_BODY = 4096;
    private static final Set<RejectReason> AFTER_VERIFICATION =
            Set.of(RejectReason.EXPIRED, RejectReason.REPLAYED, RejectReason.NOT_A_TASK);

    private TestBroker test;
    private Broker broker;
    private TaskClient client;
    private Worker worker;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
        broker = Broker.connect(test.config().maxBodyBytes(MAX_BODY).build());
        client = new TaskClient(broker);
        worker = Worker.start(broker, WorkerConfig.custom().queues(QUEUE).concurrency(2).build());
    }

    @AfterEach
    void stop() {
        worker.close();
        client.close();
        broker.close();
    }

    @Test
    void unsignedTaskGoesToDeadLetterQueue() throws Exception {
        Envelope valid = sealed(new Echo("x"), BrokerLink.of(broker).sealer());
        Map<String, Object> headers = RawMessages.headers(valid);
        headers.remove(Headers.SIGNATURE);
        headers.remove(Headers.KEY_ID);

        assertRefused(
                RawMessages.properties(valid, headers),
                valid.body(),
                RejectReason.MISSING_SIGNATURE);
    }

    @Test
    void tamperedTaskGoesToDeadLetterQueue() throws Exception {
        Envelope valid = sealed(new Echo("pay 10"), BrokerLink.of(broker).sealer());
        byte[] tampered = sealed(new Echo("pay 99"), BrokerLink.of(broker).sealer()).body();

        assertRefused(
                RawMessages.properties(valid, RawMessages.headers(valid)),
                tampered,
                RejectReason.BAD_SIGNATURE);
    }

    @Test
    void redirectedReplyQueueFailsTheSignature() throws Exception {
        Envelope valid = sealed(new Echo("x"), BrokerLink.of(broker).sealer());
        AMQP.BasicProperties redirected =
                RawMessages.properties(valid, RawMessages.headers(valid))
                        .builder()
                        .replyTo("attacker")
                        .build();

        assertRefused(redirected, valid.body(), RejectReason.BAD_SIGNATURE);
    }

    @Test
    void taskSignedWithUnknownKeyGoesToDeadLetterQueue() throws Exception {
        WarrenConfig stranger =
                test.config()
                        .signingKeys(
                                SigningKeys.parse(SigningKeys.generate("stranger"), "stranger key"))
                        .build();
        MessageSealer strangerSealer =
                new MessageSealer(
                        TaskTypes.forConfig(
                                        stranger.toBuilder().tasks(Echo.class).build(), Map.of())
                                .codec(),
                        HmacSigner.of(stranger.signingKeys()),
                        MAX_BODY);
        Envelope foreign = sealed(new Echo("x"), strangerSealer);

        assertRefused(
                RawMessages.properties(foreign, RawMessages.headers(foreign)),
                foreign.body(),
                RejectReason.UNKNOWN_KEY);
    }

    @Test
    void oversizedTaskGoesToDeadLetterQueueBeforeItsSignatureIsChecked() throws Exception {
        Envelope valid = sealed(new Echo("x"), BrokerLink.of(broker).sealer());
        byte[] huge = new byte[MAX_BODY * 3];

        assertRefused(
                RawMessages.properties(valid, RawMessages.headers(valid)),
                huge,
                RejectReason.OVERSIZED);
    }

    @Test
    void signedGarbageGoesToDeadLetterQueue() throws Exception {
        byte[] valid = sealed(new Echo("hello world"), BrokerLink.of(broker).sealer()).body();
        byte[] garbage = java.util.Arrays.copyOf(valid, valid.length - 4); // cut off mid-string
        Envelope signedGarbage = signRaw(garbage, Echo.class.getName());

        assertRefused(
                RawMessages.properties(signedGarbage, RawMessages.headers(signedGarbage)),
                garbage,
                RejectReason.UNDECODABLE);
    }

    @Test
    void taskOfUnregisteredClassGoesToDeadLetterQueue() throws Exception {
        Map<Class<?>, Integer> producerTypes = new HashMap<>(broker.config().registrations());
        producerTypes.put(Unregistered.class, 299);
        MessageSealer producer =
                new MessageSealer(
                        KryoCodec.of(producerTypes), HmacSigner.of(test.keys()), MAX_BODY);
        Envelope unknown = sealed(new Unregistered("x"), producer);

        assertRefused(
                RawMessages.properties(unknown, RawMessages.headers(unknown)),
                unknown.body(),
                RejectReason.UNREGISTERED_CLASS);
    }

    @Test
    void aBodyNamingAnUnregisteredClassByItsNameIsRefusedAndNeverRuns() throws Exception {
        // what a producer without registration writes: the class by name, any class at all
        Kryo byName = new Kryo();
        byName.setRegistrationRequired(false);
        Output output = new Output(256);
        byName.writeClassAndObject(output, new Unregistered("ran"));
        Envelope named = signRaw(output.toBytes(), Unregistered.class.getName());
        long succeededBefore = worker.stats().succeeded();

        assertRefused(
                RawMessages.properties(named, RawMessages.headers(named)),
                named.body(),
                RejectReason.UNREGISTERED_CLASS);
        assertThat(worker.stats().succeeded()).isEqualTo(succeededBefore + 1); // "still alive"
    }

    @Test
    void messageWithoutWarrenHeadersGoesToDeadLetterQueue() throws Exception {
        AMQP.BasicProperties plain =
                new AMQP.BasicProperties.Builder().messageId("not-warren").build();

        assertRefused(plain, "hello".getBytes(), RejectReason.UNSUPPORTED_VERSION);
    }

    @Test
    void taskDueLongAgoIsRefusedAsAReplay() throws Exception {
        long yesterday = System.currentTimeMillis() - Duration.ofHours(25).toMillis();
        Envelope old =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        TaskId.random().toString(),
                                        Echo.class.getName(),
                                        yesterday,
                                        null,
                                        1,
                                        TaskProtocol.taskOn(QUEUE)),
                                new Echo("old"));

        assertRefused(
                RawMessages.properties(old, RawMessages.headers(old)),
                old.body(),
                RejectReason.EXPIRED);
    }

    @Test
    void aTaskSignedForAnotherQueueIsRefusedAsMisdirected() throws Exception {
        Envelope forOtherQueue =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        TaskId.random().toString(),
                                        Echo.class.getName(),
                                        System.currentTimeMillis(),
                                        null,
                                        1,
                                        TaskProtocol.taskOn("it-other-queue")),
                                new Echo("elsewhere"));

        assertRefused(
                RawMessages.properties(forOtherQueue, RawMessages.headers(forOtherQueue)),
                forOtherQueue.body(),
                RejectReason.MISDIRECTED);
    }

    @Test
    void capturedTaskPublishedAgainIsRefusedAsAReplay() throws Exception {
        Envelope captured = sealed(new Echo("once"), BrokerLink.of(broker).sealer());
        AMQP.BasicProperties properties =
                RawMessages.properties(captured, RawMessages.headers(captured));
        long before = worker.stats().succeeded();
        RawMessages.publish(test, WORK, properties, captured.body());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> worker.stats().succeeded() == before + 1);

        assertRefused(properties, captured.body(), RejectReason.REPLAYED);
    }

    private void assertRefused(AMQP.BasicProperties properties, byte[] body, RejectReason reason)
            throws Exception {
        long rejectedBefore = worker.stats().rejected();
        RawMessages.publish(test, WORK, properties, body);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> worker.stats().rejected() == rejectedBefore + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, DEAD) == 1);
        List<GetResponse> dead = Queues.drain(test, DEAD);
        assertThat(dead).hasSize(1);
        Map<String, Object> headers = dead.get(0).getProps().getHeaders();
        assertThat(headers.get(Headers.DEAD_REASON)).hasToString(reason.name());
        assertThat(headers.get(Headers.ORIGIN_QUEUE)).hasToString(WORK);
        DeadLetterRecord record =
                BrokerLink.of(broker)
                        .protocol()
                        .openDeadLetter(
                                AmqpMessages.envelope(
                                        dead.get(0).getProps(), dead.get(0).getBody()),
                                QUEUE,
                                DEAD);
        assertThat(record.reason()).isEqualTo(reason.name());
        assertThat(record.contentVerified())
                .as("whether the worker verified it before refusing it")
                .isEqualTo(AFTER_VERIFICATION.contains(reason));
        assertThat(record.originalBodyBytes()).isEqualTo(body.length);
        if (record.keepsBody()) {
            assertThat(record.originalBody()).isEqualTo(body);
        }
        assertThat(client.submit(new Echo("still alive")).await(Duration.ofSeconds(20)))
                .as("the worker keeps running valid tasks")
                .isEqualTo("still alive");
        assertThat(worker.stats().rejected()).isEqualTo(rejectedBefore + 1);
    }

    private static Envelope sealed(Object task, MessageSealer sealer) {
        return sealer.seal(
                new Heading(
                        TaskId.random().toString(),
                        task.getClass().getName(),
                        System.currentTimeMillis(),
                        null,
                        1,
                        TaskProtocol.taskOn(QUEUE)),
                task);
    }

    private Envelope signRaw(byte[] body, String type) {
        String id = TaskId.random().toString();
        long now = System.currentTimeMillis();
        Signature signature =
                HmacSigner.of(test.keys())
                        .sign(
                                new SignedContent(
                                        Headers.WIRE_VERSION,
                                        id,
                                        type,
                                        now,
                                        null,
                                        1,
                                        QUEUE,
                                        "task",
                                        body));
        return new Envelope(
                Headers.WIRE_VERSION,
                id,
                type,
                now,
                null,
                1,
                TaskProtocol.taskOn(QUEUE),
                signature.keyId(),
                signature.bytes(),
                body,
                Map.of());
    }
}
