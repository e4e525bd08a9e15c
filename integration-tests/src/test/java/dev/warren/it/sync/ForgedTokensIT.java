package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.it.support.RawMessages;
import dev.warren.sync.AcquireTimeoutException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedEvent;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.Lease;
import dev.warren.sync.Permit;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Someone with broker credentials but no key publishes into the queues of locks, semaphores and
 * events with the plain RabbitMQ client: nothing of it is obeyed.
 */
@WarrenTest
class ForgedTokensIT {
    private static final AMQP.BasicProperties PLAIN =
            new AMQP.BasicProperties.Builder().deliveryMode(2).build();

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoForgedPermitsInATwoPermitSemaphoreLetNoThirdHolderIn(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-forged-permit");
        List<Coordinator> coordinators = new ArrayList<>();
        List<Permit> held = new ArrayList<>();
        DistributedSemaphore semaphore = null;
        try {
            for (int i = 0; i < 4; i++) {
                coordinators.add(Coordinator.connect(broker.config().build()));
            }
            semaphore = DistributedSemaphore.named(name, 2, coordinators.get(0));
            String queue = "warren.sync.semaphore." + name;
            RawMessages.publish(broker, queue, PLAIN, text("permit 3 of 2"));
            RawMessages.publish(broker, queue, PLAIN, text("permit 4 of 2"));
            int refused = 0;
            for (Coordinator c : coordinators) {
                DistributedSemaphore mine = DistributedSemaphore.named(name, 2, c);
                try {
                    held.add(mine.acquire(Duration.ofSeconds(1)));
                } catch (AcquireTimeoutException e) {
                    refused++;
                }
            }
            long dropped = coordinators.stream().mapToLong(Coordinator::droppedCount).sum();
            System.out.printf(
                    "forged permits: %d of 4 processes got a permit of 2, %d refused, %d forged"
                            + " permits dropped%n",
                    held.size(), refused, dropped);
            assertThat(held).hasSize(2);
            assertThat(dropped).isEqualTo(2);
            held.forEach(Permit::close);
            held.clear();
            DistributedSemaphore check = semaphore;
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> check.availablePermits() == 2);
        } finally {
            held.forEach(Permit::close);
            if (semaphore != null) {
                semaphore.delete();
            }
            coordinators.forEach(Coordinator::close);
        }
    }

    @Test
    void aForgedOrCopiedFencingCounterNeverMakesTokensGoBack(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-forged-fencing");
        String sequencer = "warren.sync.lock." + name + "#seq";
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            try {
                List<Long> tokens = new ArrayList<>();
                grant(lock, tokens);
                GetResponse copied = copyOf(broker, sequencer); // the counter after token 1
                grant(lock, tokens);
                grant(lock, tokens);
                RawMessages.publish(broker, sequencer, PLAIN, text("0"));
                RawMessages.publish(broker, sequencer, copied.getProps(), copied.getBody());
                for (int i = 0; i < 5; i++) {
                    grant(lock, tokens);
                }
                System.out.printf(
                        "forged fencing counter: tokens %s, %d message(s) dropped%n",
                        tokens, coordinator.droppedCount());
                assertThat(tokens).isSorted().doesNotHaveDuplicates();
                assertThat(coordinator.droppedCount()).isEqualTo(1);
                assertThat(DistributedLockIT.messages(broker, sequencer)).isEqualTo(1);
            } finally {
                lock.delete();
            }
        }
    }

    private static void grant(DistributedLock lock, List<Long> tokens) {
        try (Lease lease = lock.acquire(Duration.ofSeconds(10))) {
            tokens.add(lease.fencingToken());
        }
    }

    /** A genuine message, taken off the queue and put back, as someone with read access can. */
    private static GetResponse copyOf(TestBroker broker, String queue) throws Exception {
        try (Connection raw = broker.rawConnection();
                Channel ch = raw.createChannel()) {
            GetResponse got = ch.basicGet(queue, false);
            assertThat(got).as("a message in " + queue).isNotNull();
            ch.basicNack(got.getEnvelope().getDeliveryTag(), false, true);
            return got;
        }
    }

    @Test
    void aForgedFlagOrWakeUpDoesNotSetTheEvent(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-forged-flag");
        String stateQueue = "warren.sync.event." + name;
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedEvent event = DistributedEvent.named(name, coordinator);
            try {
                RawMessages.publish(broker, stateQueue, PLAIN, text("set"));
                assertThat(event.isSet()).isFalse();
                RawMessages.publish(broker, stateQueue, PLAIN, text("set"));
                Thread waker =
                        new Thread(
                                () -> {
                                    try {
                                        Thread.sleep(200);
                                        wakeWithoutKey(broker, stateQueue + "#wake");
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                waker.start();
                assertThat(event.await(Duration.ofMillis(800))).isFalse();
                waker.join();
                System.out.printf(
                        "forged event flag: event stays unset, %d message(s) dropped%n",
                        coordinator.droppedCount());
                assertThat(coordinator.droppedCount()).isEqualTo(3);
                event.set();
                assertThat(event.isSet()).isTrue();
                assertThat(event.await(Duration.ofMillis(100))).isTrue();
            } finally {
                event.delete();
            }
        }
    }

    private static void wakeWithoutKey(TestBroker broker, String exchange) throws Exception {
        try (Connection raw = broker.rawConnection();
                Channel ch = raw.createChannel()) {
            ch.basicPublish(exchange, "", PLAIN, text("set"));
        }
    }
}
