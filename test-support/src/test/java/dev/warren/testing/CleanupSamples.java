package dev.warren.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Test classes that {@link RabbitMqExtensionIT} runs through a JUnit launcher of its own; found by
 * the build's own run they skip themselves.
 */
final class CleanupSamples {
    static volatile boolean launchedByTheTest;
    static volatile String uniqueName;
    static final String TASK_QUEUE = "test-support-reset";
    static final AtomicBoolean redeclaring = new AtomicBoolean();

    private CleanupSamples() {}

    /** Makes a task queue's work, dead-letter and delay queues and named queues and exchanges. */
    @WarrenTest
    static class MakesQueues {
        @Test
        void makesThem(TestBroker broker) throws Exception {
            assumeTrue(launchedByTheTest);
            Queues.reset(broker, TASK_QUEUE);
            uniqueName = broker.uniqueName("test-support-made");
            try (Connection connection = broker.rawConnection();
                    Channel channel = connection.createChannel()) {
                for (String queue :
                        List.of(
                                "warren." + TASK_QUEUE,
                                "warren." + TASK_QUEUE + ".dead",
                                "warren." + TASK_QUEUE + ".delay.100",
                                "warren.sync.lock." + uniqueName + "#seq")) {
                    channel.queueDeclare(queue, true, false, false, Map.of());
                }
                channel.exchangeDeclare("warren.sync.events." + uniqueName, "fanout", true);
            }
        }
    }

    /** Leaves a thread behind that declares its queue again and again, like a leaked client. */
    @WarrenTest
    static class LeavesAQueueDeclared {
        @Test
        void leavesIt(TestBroker broker) throws Exception {
            assumeTrue(launchedByTheTest);
            uniqueName = broker.uniqueName("test-support-leak");
            Connection connection = broker.rawConnection();
            redeclaring.set(true);
            Thread leak =
                    new Thread(
                            () -> {
                                try (connection;
                                        Channel channel = connection.createChannel()) {
                                    while (redeclaring.get()) {
                                        channel.queueDeclare(
                                                "warren." + uniqueName, true, false, false, null);
                                        Thread.sleep(50);
                                    }
                                } catch (Exception e) {
                                    // the test ends it
                                }
                            },
                            "leaked-declarer");
            leak.setDaemon(true);
            leak.start();
        }
    }
}
