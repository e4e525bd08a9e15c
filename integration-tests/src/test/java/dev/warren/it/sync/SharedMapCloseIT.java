package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.warren.it.support.LogCapture;
import dev.warren.sync.Coordinator;
import dev.warren.sync.SharedMap;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Closing a map is a normal thing to do, also while it owns the map and is serving a request: no
 * ERROR, and the request it held is served by the next owner.
 */
@WarrenTest
class SharedMapCloseIT {
    private static final int OWNERS = 8;

    @Test
    void closingOwnersWhileTheyServeLogsNoErrorAndLosesNoUpdate(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-map-close");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        try (LogCapture errors = LogCapture.of("dev.warren", Level.ERROR);
                Coordinator owners = Coordinator.connect(broker.config().build());
                Coordinator writers = Coordinator.connect(broker.config().build())) {
            List<SharedMap<String, Integer>> candidates = new ArrayList<>();
            for (int i = 0; i < OWNERS; i++) {
                candidates.add(SharedMap.named(name, String.class, Integer.class, owners));
            }
            // the last candidate: it owns the map only once every other one is closed
            SharedMap<String, Integer> writer =
                    SharedMap.named(name, String.class, Integer.class, writers);
            Thread writes =
                    new Thread(
                            () -> {
                                while (writing.get()) {
                                    writer.compute("n", v -> v == null ? 1 : v + 1);
                                    written.incrementAndGet();
                                }
                            },
                            "it-map-writer");
            writes.start();
            try {
                for (SharedMap<String, Integer> owner : candidates) {
                    await().atMost(Duration.ofSeconds(30)).until(owner::isOwner);
                    int before = written.get();
                    await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > before + 5);
                    owner.close();
                }
                await().atMost(Duration.ofSeconds(30)).until(writer::isOwner);
            } finally {
                writing.set(false);
                writes.join(Duration.ofSeconds(60).toMillis());
            }

            assertThat(writer.get("n")).contains(written.get());
            assertThat(errors.messages()).as("errors logged").isEmpty();
            writer.delete();
            writer.close();
        }
    }
}
