package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.WarrenConfig;
import dev.warren.examples.sync.BarrierExample;
import dev.warren.examples.sync.EventChannelExample;
import dev.warren.examples.sync.EventExample;
import dev.warren.examples.sync.LockExample;
import dev.warren.examples.sync.MapListenerExample;
import dev.warren.examples.sync.QueueExample;
import dev.warren.examples.sync.ReentrantLockExample;
import dev.warren.examples.sync.SemaphoreExample;
import dev.warren.examples.sync.SharedMapExample;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@WarrenTest
class SyncExamplesIT {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    @Test
    void theLockExampleShowsARefusedTryAndAGrowingToken(TestBroker broker) {
        assertThat(LockExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("bob tries while alice holds it: refused")
                .contains("(larger: true)");
    }

    @Test
    void theSemaphoreExampleNeverLetsMoreThanTwoIn(TestBroker broker) throws Exception {
        assertThat(SemaphoreExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("5 of 5 workers got a permit; at most 2 were inside at once; 2 permits");
    }

    @Test
    void theEventExampleWakesEveryWaiter(TestBroker broker) {
        assertThat(EventExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("waiter 3 woke: event is set = true")
                .contains("after clear(): isSet = false, a waiter times out: true");
    }

    @Test
    void theEventChannelExampleDeliversToBothSubscribers(TestBroker broker) throws Exception {
        assertThat(EventChannelExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("subscriber 2 got: deployed")
                .contains("the subscribers got 3 and 3 events; 0 messages dropped");
    }

    @Test
    void theSharedMapExampleCountsExactly(TestBroker broker) {
        assertThat(SharedMapExample.run(config(broker), out)).isTrue();
        assertThat(printed()).contains("second sees limit = 100", "hits = 100");
    }

    @Test
    void theQueueExampleTakesEveryJobOnceAndJoins(TestBroker broker) throws Exception {
        assertThat(QueueExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("join() returned true")
                .contains("20 of 20 jobs taken, 0 twice; 0 unfinished");
    }

    @Test
    void theMapListenerExampleHearsEveryChangeInOrder(TestBroker broker) throws Exception {
        assertThat(MapListenerExample.run(config(broker), out)).isTrue();
        assertThat(printed()).contains("the listener heard [ADDED, UPDATED, REMOVED]");
    }

    @Test
    void theBarrierExampleTripsEveryRoundAndALoneWaitBreaksIt(TestBroker broker) {
        assertThat(BarrierExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("round 3: all 3 arrived")
                .contains("9 passes, indexes [0, 1, 2] in every round")
                .contains("timed out after 500 ms")
                .contains("after reset(): broken = false");
    }

    private static WarrenConfig config(TestBroker broker) {
        return broker.config().build();
    }

    @Test
    void theReentrantLockExampleKeepsBobOutUntilTheLastRelease(TestBroker broker) {
        assertThat(ReentrantLockExample.run(config(broker), out)).isTrue();
        assertThat(printed())
                .contains("alice holds the lock twice (hold count 2)")
                .contains("(hold count 1); bob tries: refused")
                .contains("(larger: true)");
    }
}
