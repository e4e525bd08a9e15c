package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.BrokerUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PublishCircuitTest {

    @Test
    void refusesAtOnceWhileTheConnectionIsLostNamingTheQueueAndTheBroker() {
        PublishCircuit circuit = new PublishCircuit("127.0.0.1:5672", Duration.ofMinutes(1));
        circuit.connectionLost();

        assertThatThrownBy(() -> circuit.admit("warren.orders"))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("warren.orders")
                .hasMessageContaining("127.0.0.1:5672")
                .hasMessageContaining("connection was lost");
    }

    @Test
    void admitsAgainOnceTheConnectionHasRecovered() {
        PublishCircuit circuit = new PublishCircuit("127.0.0.1:5672", Duration.ofMinutes(1));
        circuit.connectionLost();
        circuit.connectionRecovered();

        circuit.succeeded(circuit.admit("warren.orders"));
    }

    @Test
    void aRecoveryClosingTheCircuitWhilePublishersAreAdmittedNeverFailsThemWithAStateError()
            throws Exception {
        // a wait this short makes every admit on an open circuit try the move to half-open, the
        // move a concurrent recovery makes illegal
        PublishCircuit circuit = new PublishCircuit("127.0.0.1:5672", Duration.ofMillis(1));
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch publishersDone = new CountDownLatch(2);
        for (int p = 0; p < 2; p++) {
            Thread publisher =
                    new Thread(
                            () -> {
                                while (running.get() && unexpected.isEmpty()) {
                                    try {
                                        circuit.succeeded(circuit.admit("warren.orders"));
                                    } catch (BrokerUnavailableException expected) {
                                        // refused while open: the circuit's job
                                    } catch (RuntimeException e) {
                                        unexpected.add(e);
                                    }
                                }
                                publishersDone.countDown();
                            });
            publisher.start();
        }
        Thread connection =
                new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < 500 && unexpected.isEmpty(); i++) {
                                    circuit.connectionLost();
                                    Thread.sleep(1);
                                    circuit.connectionRecovered();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.set(false);
                        });
        connection.start();

        connection.join();
        assertThat(publishersDone.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(unexpected).isEmpty();
    }
}
