package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A delivery that does not come closes the consuming channel, so the broker gives it back. */
class DeliveryWaitTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Channel channel =
            (Channel)
                    Proxy.newProxyInstance(
                            Channel.class.getClassLoader(),
                            new Class<?>[] {Channel.class},
                            (proxy, method, args) -> {
                                calls.add(method.getName());
                                return null;
                            });

    @Test
    void aDeliveryInTimeLeavesTheChannelOpen() {
        CompletableFuture<Long> delivered = CompletableFuture.completedFuture(7L);

        assertThat(DeliveryWait.arrived(delivered, null, channel, "lock x", "broker")).isTrue();
        assertThat(calls).isEmpty();
    }

    @Test
    void noDeliveryBeforeTheDeadlineAbortsTheChannel() {
        Deadline passed = Deadline.in(Duration.ZERO);

        assertThat(DeliveryWait.arrived(new CompletableFuture<>(), passed, channel, "lock x", "b"))
                .isFalse();
        assertThat(calls).containsExactly("abort");
    }

    @Test
    void aFailedDeliveryAbortsTheChannelAndNamesThePrimitive() {
        CompletableFuture<Long> failed =
                CompletableFuture.failedFuture(new CoordinationException("lock x: queue deleted"));

        assertThatThrownBy(() -> DeliveryWait.arrived(failed, null, channel, "lock x", "broker"))
                .isInstanceOf(CoordinationException.class)
                .hasMessage("lock x: queue deleted");
        assertThat(calls).containsExactly("abort");
    }

    @Test
    void anInterruptedWaitAbortsTheChannelAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(
                            () ->
                                    DeliveryWait.arrived(
                                            new CompletableFuture<>(),
                                            null,
                                            channel,
                                            "lock x",
                                            "broker"))
                    .isInstanceOf(CoordinationException.class)
                    .hasMessageContaining("lock x: interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(calls).containsExactly("abort");
        } finally {
            Thread.interrupted();
        }
    }
}
