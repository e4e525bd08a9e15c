package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.warren.Broker;
import dev.warren.BrokerUnavailableException;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.support.LogCapture;
import dev.warren.it.support.RawMessages;
import dev.warren.it.tasks.Echo;
import dev.warren.it.tasks.Introspect;
import dev.warren.it.tasks.LateRetry;
import dev.warren.testing.Queues;
import dev.warren.testing.TcpProxy;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delivery contract under faults that one test can stage without disturbing the whole broker.
 */
@WarrenTest
class DeliveryGuaranteesIT {
    private static final String PUBLISHER = "dev.warren.internal.transport.ConfirmingPublisher";

    private static WarrenConfig.Builder config(TestBroker test) {
        return test.config();
    }

    @Test
    void retryWaitingInADelayQueueIsNotRefusedAsExpired(TestBroker test) throws Exception {
        Queues.reset(test, "it-late-retry");
        // the retry waits 3 s, longer than this maxMessageAge: only a due time signed at retry lets
        // it in
        WarrenConfig strict = config(test).maxMessageAge(Duration.ofSeconds(2)).build();
        try (Broker broker = Broker.connect(strict);
                TaskClient client = new TaskClient(broker);
                Worker worker =
                        Worker.start(
                                broker, WorkerConfig.custom().queues("it-late-retry").build())) {

            assertThat(client.submit(new LateRetry("made it")).await(Duration.ofSeconds(30)))
                    .isEqualTo("made it on attempt 2");
            assertThat(worker.stats().rejected()).isZero();
        }
    }

    @Test
    void redeliveredTaskSeesTheFlagAndTheSameTaskId(TestBroker test) throws Exception {
        Queues.reset(test, "it-introspect");
        try (Broker broker = Broker.connect(config(test).build());
                TaskClient client = new TaskClient(broker);
                JvmProcess first = ItWorkers.start(test, 1, "it-introspect")) {
            TaskHandle<String> handle = client.submit(new Introspect(3000));
            String work = Topology.workQueue("it-introspect");
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, work) == 0);

            first.kill();
            try (JvmProcess second = ItWorkers.start(test, 1, "it-introspect")) {
                String[] seen = handle.await(Duration.ofSeconds(30)).split("\\|");

                assertThat(seen[0]).as("the stable task id").isEqualTo(handle.id().toString());
                assertThat(seen[1]).as("a redelivery is not a retry").isEqualTo("1");
                assertThat(seen[2]).as("redelivered").isEqualTo("true");
            }
        }
    }

    @Test
    void duplicateReplyCompletesNothingTwice(TestBroker test) throws Exception {
        Queues.reset(test, "it-echo");
        try (Broker broker = Broker.connect(config(test).build());
                TaskClient client = new TaskClient(broker);
                Worker worker =
                        Worker.start(broker, WorkerConfig.custom().queues("it-echo").build())) {
            TaskHandle<String> handle = client.submit(new Echo("first"));
            assertThat(handle.await(Duration.ofSeconds(20))).isEqualTo("first");

            Envelope forgedDuplicate =
                    BrokerLink.of(broker)
                            .sealer()
                            .seal(
                                    new Heading(
                                            handle.id().toString(),
                                            Headers.REPLY_SUCCEEDED,
                                            System.currentTimeMillis(),
                                            null,
                                            1,
                                            TaskProtocol.replyFor(
                                                    handle.id().toString(),
                                                    Topology.replyQueue(client.clientId()))),
                                    "second");
            RawMessages.publish(
                    test,
                    Topology.replyQueue(client.clientId()),
                    RawMessages.properties(forgedDuplicate, RawMessages.headers(forgedDuplicate)),
                    forgedDuplicate.body());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Queues.depth(test, Topology.replyQueue(client.clientId())) == 0);
            assertThat(handle.result().join()).isEqualTo("first");
            assertThat(client.inFlight()).isZero();
            assertThat(client.submit(new Echo("still fine")).await(Duration.ofSeconds(20)))
                    .isEqualTo("still fine");
        }
    }

    @Test
    void submitFailsClearlyWhenThePublishWindowStaysFull(TestBroker test) throws Exception {
        Queues.reset(test, "it-echo");
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Broker broker =
                        Broker.connect(
                                config(test)
                                        .brokerUri(proxy.uri(test.uri()))
                                        .publishWindow(2)
                                        .publishTimeout(Duration.ofSeconds(1))
                                        .heartbeat(Duration.ofSeconds(60))
                                        .build());
                TaskClient client = new TaskClient(broker)) {
            // its connection goes through the proxy: closing may find it still recovering
            Queues.deleteAfterClass(test, Topology.replyQueue(client.clientId()));
            client.enqueue(new Echo("declares the queue before the broker's answers stop"));
            proxy.freezeReplies();
            TaskHandle<String> a = client.submit(new Echo("a"));
            TaskHandle<String> b = client.submit(new Echo("b"));

            assertThatThrownBy(() -> client.submit(new Echo("c")))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("2 messages stayed unconfirmed")
                    .hasMessageContaining("publishTimeout");
            proxy.thaw();
            try (Broker direct = Broker.connect(config(test).build());
                    Worker worker =
                            Worker.start(direct, WorkerConfig.custom().queues("it-echo").build())) {
                assertThat(a.await(Duration.ofSeconds(20))).isEqualTo("a");
                assertThat(b.await(Duration.ofSeconds(20))).isEqualTo("b");
            }
        }
    }

    @Test
    void aPublishTheBrokerNeverReceivedIsSentAgainAfterTheConnectionDrops(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-echo");
        String work = Topology.workQueue("it-echo");
        try (LogCapture published = LogCapture.of(PUBLISHER, Level.INFO);
                TcpProxy proxy = TcpProxy.to(test.uri());
                Broker broker =
                        Broker.connect(config(test).brokerUri(proxy.uri(test.uri())).build());
                TaskClient client = new TaskClient(broker);
                Broker direct = Broker.connect(config(test).build());
                Worker worker =
                        Worker.start(direct, WorkerConfig.custom().queues("it-echo").build())) {
            // its connection goes through the proxy: closing may find it still recovering
            Queues.deleteAfterClass(test, Topology.replyQueue(client.clientId()));
            assertThat(client.submit(new Echo("declares the queue")).await(Duration.ofSeconds(20)))
                    .isEqualTo("declares the queue");
            proxy.dropRequests();
            TaskHandle<String> handle = client.submit(new Echo("sent twice, run once"));
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.droppedBytes() > 0);
            assertThat(Queues.depth(test, work)).as("the broker never got it").isZero();
            assertThat(worker.stats().succeeded()).isEqualTo(1);

            proxy.cutAll();
            proxy.passRequests();

            assertThat(handle.await(Duration.ofSeconds(30))).isEqualTo("sent twice, run once");
            assertThat(published.messages())
                    .anyMatch(m -> m.startsWith("publishing 1 unconfirmed messages again"));
            assertThat(worker.stats().succeeded()).as("run exactly once").isEqualTo(2);
            assertThat(worker.stats().rejected()).isZero();
            assertThat(client.inFlight()).isZero();
        }
    }

    @Test
    void publishesWhoseConfirmsWereLostAreSentAgainAndCompleteOnce(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-echo");
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Broker broker =
                        Broker.connect(config(test).brokerUri(proxy.uri(test.uri())).build());
                TaskClient client = new TaskClient(broker);
                Broker direct = Broker.connect(config(test).build());
                Worker worker =
                        Worker.start(direct, WorkerConfig.custom().queues("it-echo").build())) {
            // its connection goes through the proxy: closing may find it still recovering
            Queues.deleteAfterClass(test, Topology.replyQueue(client.clientId()));
            assertThat(client.submit(new Echo("declares the queue")).await(Duration.ofSeconds(20)))
                    .isEqualTo("declares the queue");
            proxy.freezeReplies();
            List<TaskHandle<String>> handles = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                handles.add(client.submit(new Echo("task " + i)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> worker.stats().succeeded() == 21);

            proxy.cutAll();
            proxy.thaw();

            for (int i = 0; i < 20; i++) {
                assertThat(handles.get(i).await(Duration.ofSeconds(30))).isEqualTo("task " + i);
            }
            // the broker got each twice: the worker runs the first copy and refuses the second
            await().atMost(Duration.ofSeconds(20)).until(() -> worker.stats().rejected() == 20);
            assertThat(worker.stats().succeeded()).isEqualTo(21);
            assertThat(client.inFlight()).isZero();
        }
    }

    @Test
    void publishFailsFastWhileTheBrokerIsUnreachableAndWorksAgainAfterRecovery(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-echo");
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Broker broker =
                        Broker.connect(config(test).brokerUri(proxy.uri(test.uri())).build());
                TaskClient client = new TaskClient(broker);
                Broker direct = Broker.connect(config(test).build());
                Worker worker =
                        Worker.start(direct, WorkerConfig.custom().queues("it-echo").build())) {
            // its connection goes through the proxy: closing may find it still recovering
            Queues.deleteAfterClass(test, Topology.replyQueue(client.clientId()));
            assertThat(client.submit(new Echo("before")).await(Duration.ofSeconds(20)))
                    .isEqualTo("before");

            proxy.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !broker.isConnected());

            assertThatThrownBy(() -> client.submit(new Echo("during")))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("is unavailable")
                    .hasMessageContaining("connection was lost");

            proxy.start();
            await().atMost(Duration.ofSeconds(30)).until(broker::isConnected);
            await().atMost(Duration.ofSeconds(30))
                    .ignoreException(BrokerUnavailableException.class)
                    .until(
                            () ->
                                    client.submit(new Echo("after"))
                                            .await(Duration.ofSeconds(10))
                                            .equals("after"));
        }
    }
}
