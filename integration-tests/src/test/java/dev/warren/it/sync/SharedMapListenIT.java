package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.sync.Coordinator;
import dev.warren.sync.EntryEvent;
import dev.warren.sync.EventChannel;
import dev.warren.sync.SharedMap;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listeners, here and in other processes, hear of every committed change, in commit order. */
@WarrenTest
class SharedMapListenIT {
    private static final int WRITES = 300;

    @Test
    void listenersInOtherProcessesSeeEveryChangeInCommitOrder(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-map-listen");
        List<JvmProcess> listeners = new ArrayList<>();
        try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, coordinator)) {
            try {
                for (int i = 0; i < 2; i++) {
                    listeners.add(SyncChild.launch(broker, "map-listen", name));
                }
                for (JvmProcess listener : listeners) {
                    listener.awaitLine("LISTENING", Duration.ofSeconds(30));
                }
                List<EntryEvent<String, Integer>> here = new CopyOnWriteArrayList<>();
                List<String> expected = new ArrayList<>();
                Map<String, Integer> model = new HashMap<>();
                try (EventChannel.Subscription local = map.listen(here::add)) {
                    for (int i = 0; i < WRITES; i++) {
                        String key = "k" + (i % 7);
                        Integer before = model.get(key);
                        if (i % 5 == 4 && before != null) {
                            map.remove(key);
                            model.remove(key);
                            expected.add(line("REMOVED", key, before, null));
                        } else {
                            map.put(key, i);
                            model.put(key, i);
                            expected.add(
                                    line(before == null ? "ADDED" : "UPDATED", key, before, i));
                        }
                    }
                    await().atMost(Duration.ofSeconds(30)).until(() -> here.size() >= WRITES);
                    assertThat(here.stream().map(SharedMapListenIT::line).toList())
                            .containsExactlyElementsOf(expected);
                    assertThat(here.stream().mapToLong(EntryEvent::version))
                            .isSorted()
                            .doesNotHaveDuplicates();
                }
                for (JvmProcess listener : listeners) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> events(listener).size() >= WRITES);
                    listener.closeInput();
                    listener.awaitLine("GAPS", Duration.ofSeconds(30));
                    assertThat(events(listener)).containsExactlyElementsOf(expected);
                    assertThat(listener.line("GAPS")).contains("GAPS 0 DROPPED 0");
                }
                System.out.printf(
                        "map listeners: %d changes reached 2 other processes and this one, each"
                                + " in commit order%n",
                        WRITES);
            } finally {
                listeners.forEach(JvmProcess::close);
                map.delete();
            }
        }
    }

    private static String line(String kind, String key, Integer before, Integer after) {
        return kind + " " + key + " " + before + " " + after;
    }

    private static String line(EntryEvent<String, Integer> e) {
        return line(e.kind().name(), e.key(), e.oldValue(), e.newValue());
    }

    /** "kind key old new" of each event the listener printed, without the version. */
    private static List<String> events(JvmProcess listener) {
        return listener.output().stream()
                .filter(l -> l.startsWith("EVENT "))
                .map(l -> l.substring("EVENT ".length(), l.lastIndexOf(' ')))
                .toList();
    }
}
