package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HoldCountTest {
    @Test
    void theOwnerEntersAgainAndTheLastExitEndsTheHold() {
        HoldCount count = new HoldCount("lock 'l'", Thread.currentThread());
        count.enter(Thread.currentThread());
        count.enter(Thread.currentThread());

        assertThat(count.count()).isEqualTo(3);
        assertThat(count.exit(Thread.currentThread())).isFalse();
        assertThat(count.exit(Thread.currentThread())).isFalse();
        assertThat(count.exit(Thread.currentThread())).as("the last release").isTrue();
        assertThat(count.count()).isZero();
    }

    @Test
    void anotherThreadCanNeitherEnterNorExit() throws Exception {
        HoldCount count = new HoldCount("lock 'l'", Thread.currentThread());
        Thread other = new Thread(() -> {}, "intruder");

        assertThatThrownBy(() -> count.exit(other))
                .isInstanceOf(IllegalMonitorStateException.class)
                .hasMessageContaining("lock 'l' is reentrant and held by thread '")
                .hasMessageContaining("thread 'intruder' cannot release it");
        assertThatThrownBy(() -> count.enter(other))
                .isInstanceOf(IllegalMonitorStateException.class);
        assertThat(count.count()).as("unchanged by the refused calls").isEqualTo(1);
        assertThat(
                        CompletableFuture.supplyAsync(() -> count.isOwnedBy(Thread.currentThread()))
                                .get())
                .isFalse();
        assertThat(count.isOwnedBy(Thread.currentThread())).isTrue();
    }

    @Test
    void anExitBeyondTheLastIsRefused() {
        HoldCount count = new HoldCount("lock 'l'", Thread.currentThread());
        count.exit(Thread.currentThread());

        assertThatThrownBy(() -> count.exit(Thread.currentThread()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not held any more");
    }
}
