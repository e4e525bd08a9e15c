package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.it.support.ForcedClose;
import dev.warren.it.support.RawMessages;
import dev.warren.sync.BrokenBarrierException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedBarrier;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A barrier's waiter that loses its connection, and messages forged by someone with broker
 * credentials but no key.
 */
@WarrenTest
class BarrierOutagesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static CompletableFuture<Integer> awaitAsync(DistributedBarrier barrier) {
        return CompletableFuture.supplyAsync(() -> barrier.await(WAIT));
    }

    private static Throwable failure(CompletableFuture<Integer> wait) throws Exception {
        try {
            wait.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the wait returned instead of breaking");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void aWaiterWhoseConnectionIsLostGetsBrokenAndTheOthersAreTold(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-barrier-loss");
        String lostName = broker.uniqueName("barrier-lost");
        try (Coordinator lost =
                        Coordinator.connect(broker.config().connectionName(lostName).build());
                Coordinator other = Coordinator.connect(broker.config().build());
                Coordinator third = Coordinator.connect(broker.config().build())) {
            DistributedBarrier lostBarrier = lost.barrier(name, 3);
            DistributedBarrier otherBarrier = other.barrier(name, 3);
            try {
                CompletableFuture<Integer> lostWait = awaitAsync(lostBarrier);
                CompletableFuture<Integer> otherWait = awaitAsync(otherBarrier);
                await().atMost(WAIT).until(() -> otherBarrier.numberWaiting() == 2);
                CompletableFuture<Long> lossNoticed = whenClosed(lost);
                assertThat(ForcedClose.connectionsNamed(broker, lostName + "/sync@")).isEqualTo(1);

                Throwable toldOther = failure(otherWait);
                long otherToldAfter =
                        System.currentTimeMillis() - lossNoticed.get(30, TimeUnit.SECONDS);
                Throwable toldLost = failure(lostWait);
                System.out.printf(
                        "barrier: a waiter's connection closed by the broker: the other waiter"
                                + " was told %d ms after the waiter's coordinator noticed; the"
                                + " waiter itself: %s%n",
                        otherToldAfter, toldLost.getMessage());
                assertThat(toldOther)
                        .isInstanceOf(BrokenBarrierException.class)
                        .hasMessageContaining("barrier '" + name + "' is broken");
                assertThat(toldLost)
                        .isInstanceOf(BrokenBarrierException.class)
                        .hasMessageContaining("this process lost its connection to the broker");

                await().atMost(WAIT).until(lost::isOpen);
                lostBarrier.reset();
                DistributedBarrier thirdBarrier = third.barrier(name, 3);
                CompletableFuture<Integer> a = awaitAsync(lostBarrier);
                CompletableFuture<Integer> b = awaitAsync(otherBarrier);
                int c = thirdBarrier.await(WAIT);
                assertThat(a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS) + c)
                        .as("indexes 0, 1 and 2 after the reconnect")
                        .isEqualTo(3);
            } finally {
                otherBarrier.delete();
            }
        }
    }

    @Test
    void aWaiterInterruptedWhileWaitingBreaksItForTheOthers(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-barrier-interrupt");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedBarrier barrier = coordinator.barrier(name, 3);
            try {
                CompletableFuture<Throwable> interrupted = new CompletableFuture<>();
                Thread waiter =
                        new Thread(
                                () -> {
                                    try {
                                        barrier.await(WAIT);
                                        interrupted.complete(null);
                                    } catch (RuntimeException e) {
                                        interrupted.complete(e);
                                    }
                                });
                waiter.start();
                CompletableFuture<Integer> other = awaitAsync(barrier);
                await().atMost(WAIT).until(() -> barrier.numberWaiting() == 2);
                waiter.interrupt();

                assertThat(interrupted.get(30, TimeUnit.SECONDS))
                        .hasMessageContaining("interrupted while waiting");
                assertThat(failure(other))
                        .isInstanceOf(BrokenBarrierException.class)
                        .hasMessageContaining("stopped waiting");
                assertThat(barrier.isBroken()).isTrue();
            } finally {
                barrier.delete();
            }
        }
    }

    @Test
    void forgedAndReplayedStatesAndNewsNeitherCountAsArrivalsNorTripIt(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-barrier-forged");
        String stateQueue = "warren.sync.barrier." + name;
        String news = stateQueue + "#news";
        JvmProcess child = SyncChild.launch(broker, "barrier-rounds", name, "2", "2", "30000");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                Connection raw = broker.rawConnection();
                Channel ch = raw.createChannel()) {
            DistributedBarrier barrier = coordinator.barrier(name, 2);
            try {
                child.awaitLine("READY", WAIT);
                String tap = ch.queueDeclare().getQueue();
                ch.queueBind(tap, news, "");
                await().atMost(WAIT).until(() -> barrier.numberWaiting() == 1);
                GetResponse oldState = copyOf(ch, stateQueue);
                barrier.await(WAIT); // round 0 trips
                child.awaitLine("PASSED 0 ", WAIT);
                GetResponse oldTrip = ch.basicGet(tap, true);
                assertThat(oldTrip).as("the trip of round 0 on the news exchange").isNotNull();
                await().atMost(WAIT).until(() -> barrier.numberWaiting() == 1);

                long droppedBefore = coordinator.droppedCount();
                AMQP.BasicProperties plain = new AMQP.BasicProperties.Builder().build();
                byte[] junk = "arrived".getBytes(StandardCharsets.UTF_8);
                RawMessages.publish(broker, stateQueue, plain, junk);
                RawMessages.publish(broker, stateQueue, oldState.getProps(), tampered(oldState));
                RawMessages.publish(broker, stateQueue, oldState.getProps(), oldState.getBody());
                ch.basicPublish(news, "", oldTrip.getProps(), oldTrip.getBody());
                ch.basicPublish(news, "", oldTrip.getProps(), tampered(oldTrip));
                ch.basicPublish(news, "", plain, junk);

                assertThat(barrier.numberWaiting()).as("only the child waits").isEqualTo(1);
                await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> child.line("PASSED 1").isEmpty());
                long droppedHere = coordinator.droppedCount() - droppedBefore;
                assertThat(barrier.await(WAIT)).isZero();
                child.awaitLine("PASSED 1 ", WAIT);
                long droppedThere = Long.parseLong(child.awaitLine("DROPPED", WAIT));
                System.out.printf(
                        "barrier: junk, a tampered and a replayed state, a replayed and a"
                                + " tampered trip and junk news: no trip; %d dropped by the"
                                + " reader of the state, %d by the waiter%n",
                        droppedHere, droppedThere);
                assertThat(droppedHere).isEqualTo(3);
                assertThat(droppedThere).isEqualTo(2);
                assertThat(child.line("BROKEN")).isEmpty();
            } finally {
                child.close();
                barrier.delete();
            }
        }
    }

    /** When {@code coordinator} first reports its connection down. */
    private static CompletableFuture<Long> whenClosed(Coordinator coordinator) {
        CompletableFuture<Long> at = new CompletableFuture<>();
        Thread watcher =
                new Thread(
                        () -> {
                            while (coordinator.isOpen()) {
                                LockSupport.parkNanos(200_000);
                            }
                            at.complete(System.currentTimeMillis());
                        });
        watcher.setDaemon(true);
        watcher.start();
        return at;
    }

    /** A genuine message, taken off the queue and put back, as someone with read access can. */
    private static GetResponse copyOf(Channel ch, String queue) throws Exception {
        GetResponse got = ch.basicGet(queue, false);
        assertThat(got).as("a message in " + queue).isNotNull();
        ch.basicNack(got.getEnvelope().getDeliveryTag(), false, true);
        return got;
    }

    private static byte[] tampered(GetResponse genuine) {
        byte[] body = genuine.getBody().clone();
        body[body.length - 1] ^= 1;
        return body;
    }
}
