package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.PublishFailedException;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.it.tasks.Echo;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When RabbitMQ blocks publishers (memory or disk alarm), submit waits at most {@code
 * publishTimeout} and then fails with a sentence saying so; nothing is buffered without bound, and
 * what was accepted completes once the alarm clears. Raises a real memory alarm on the broker for a
 * few seconds.
 */
@WarrenTest
class BackpressureIT {
    @Test
    void submitFailsClearlyWhileTheBrokerBlocksPublishersAndAcceptedTasksCompleteAfter(
            TestBroker test) throws Exception {
        Queues.reset(test, "it-echo");
        String watermark =
                test.rabbitmqctl("eval", "vm_memory_monitor:get_vm_memory_high_watermark().")
                        .strip();
        List<TaskHandle<String>> accepted = new CopyOnWriteArrayList<>();
        AtomicReference<PublishFailedException> refusal = new AtomicReference<>();
        try (Broker broker =
                        Broker.connect(
                                test.config().publishTimeout(Duration.ofSeconds(2)).build());
                TaskClient client = new TaskClient(broker)) {
            accepted.add(client.submit(new Echo("before the alarm")));
            test.rabbitmqctl("set_vm_memory_high_watermark", "0");
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> {
                                    try {
                                        accepted.add(client.submit(new Echo("during the alarm")));
                                        return false;
                                    } catch (PublishFailedException e) {
                                        refusal.set(e);
                                        return true;
                                    }
                                });
            } finally {
                test.rabbitmqctl("set_vm_memory_high_watermark", watermark);
            }

            assertThat(refusal.get())
                    .hasMessageContaining("has blocked publishers")
                    .hasMessageContaining("publishTimeout");
            try (Worker worker =
                    Worker.start(broker, WorkerConfig.custom().queues("it-echo").build())) {
                for (TaskHandle<String> handle : accepted) {
                    assertThat(handle.await(Duration.ofSeconds(30))).isNotBlank();
                }
            }
        }
    }
}
