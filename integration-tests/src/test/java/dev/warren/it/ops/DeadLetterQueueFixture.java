package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.it.support.RawMessages;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the dead-letter provenance tests share: a queue of their own, the CLI's key file, tasks
 * signed by hand and published with the plain RabbitMQ client, as an attacker with access to the
 * broker would.
 */
abstract class DeadLetterQueueFixture {
    static final List<String> RETRY = List.of("dead-letters", "retry");
    static final List<String> LIST = List.of("dead-letters", "list");

    @TempDir Path dir;

    TestBroker test;
    Broker broker;
    Path keys;
    String queue;
    String work;
    String dead;

    @BeforeEach
    void connect(TestBroker test) throws Exception {
        this.test = test;
        this.broker = Broker.connect(Ops.config(test));
        this.keys = Ops.keyFile(dir, test.keysText());
        this.queue = test.uniqueName("ops-provenance");
        this.work = Topology.workQueue(queue);
        this.dead = Topology.deadLetterQueue(queue);
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    Worker worker() {
        return Worker.start(
                broker,
                WorkerConfig.custom().queues(queue).heartbeatInterval(Duration.ZERO).build());
    }

    /** A task of this test's queue, signed with the fleet's key, due {@code ageMillis} ago. */
    Envelope task(Object task, long ageMillis) {
        return BrokerLink.of(broker)
                .sealer()
                .seal(
                        new Heading(
                                TaskId.random().toString(),
                                task.getClass().getName(),
                                System.currentTimeMillis() - ageMillis,
                                null,
                                1,
                                TaskProtocol.taskOn(queue)),
                        task);
    }

    void publishRaw(String brokerQueue, Envelope envelope) throws Exception {
        RawMessages.publish(
                test,
                brokerQueue,
                RawMessages.properties(envelope, RawMessages.headers(envelope)),
                envelope.body());
    }

    Envelope onlyDeadLetter() throws Exception {
        List<GetResponse> letters = Queues.drain(test, dead);
        assertThat(letters).hasSize(1);
        return AmqpMessages.envelope(letters.get(0).getProps(), letters.get(0).getBody());
    }

    void assertNothingWasRetried(Ops.Run run, String id, String why) throws Exception {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("not retried " + id, why);
        assertThat(run.out()).contains("0 retried, 1 refused, 1 left in " + dead);
        assertThat(Queues.depth(test, work)).as("nothing went back to work").isZero();
        assertThat(Queues.depth(test, dead)).as("the letter stays").isEqualTo(1);
    }
}
