package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.BrokerUnavailableException;
import dev.warren.PublishFailedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How many messages may wait for a confirm, and what happens when the broker blocks. */
class PublishWindowTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void aFullWindowRefusesTheNextPublishAfterTheTimeoutNamingTheBroker() {
        PublishWindow window = new PublishWindow(2, SHORT, "amqp://guest:***@host:5672");
        window.enter("warren.q");
        window.enter("warren.q");

        assertThatThrownBy(() -> window.enter("warren.q"))
                .isInstanceOfSatisfying(
                        BrokerUnavailableException.class,
                        e ->
                                assertThat(e.problem())
                                        .isEqualTo(BrokerUnavailableException.Problem.OVERLOADED))
                .hasMessageContaining("2 messages stayed unconfirmed")
                .hasMessageContaining("amqp://guest:***@host:5672");
        assertThat(window.occupied()).isEqualTo(2);
    }

    @Test
    void aPlaceFreedByAConfirmLetsTheNextPublishIn() throws Exception {
        PublishWindow window = new PublishWindow(1, Duration.ofSeconds(10), "broker");
        window.enter("warren.q");
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> window.enter("warren.q"));

        window.leave();

        next.get(5, TimeUnit.SECONDS);
        assertThat(window.occupied()).isEqualTo(1);
    }

    @Test
    void whileTheBrokerBlocksPublishersNoneGoesThroughAndTheWaitGivesItsPlaceBack() {
        PublishWindow window = new PublishWindow(4, SHORT, "broker");
        window.blocked("low on memory");

        assertThatThrownBy(() -> window.enter("warren.q"))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("blocked publishers")
                .hasMessageContaining("low on memory");
        assertThat(window.occupied()).isZero();
    }

    @Test
    void aPublisherWaitingOnABlockGoesOnWhenTheBrokerUnblocks() throws Exception {
        PublishWindow window = new PublishWindow(4, Duration.ofSeconds(10), "broker");
        window.blocked("disk alarm");
        CompletableFuture<Void> waiting =
                CompletableFuture.runAsync(() -> window.enter("warren.q"));

        window.unblocked();

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(window.occupied()).isEqualTo(1);
    }

    @Test
    void awaitingAnEmptyWindowSucceedsOnlyOnceEveryPlaceIsFree() {
        PublishWindow window = new PublishWindow(3, SHORT, "broker");
        window.enter("warren.q");

        assertThat(window.awaitEmpty(SHORT)).isFalse();
        window.leave();
        assertThat(window.awaitEmpty(SHORT)).isTrue();
        assertThat(window.occupied()).isZero();
    }
}
