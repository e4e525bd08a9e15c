package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.EntryEvent;
import dev.warren.sync.EventChannel;
import dev.warren.sync.SharedMap;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One coordinator (as if one process) listens to a {@link SharedMap} while another writes to it:
 * the listener hears of each change, added, updated and removed, in the order it was made.
 */
public final class MapListenerExample {
    private MapListenerExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /** Runs the example; true when the listener heard the three changes in order. */
    public static boolean run(WarrenConfig config, PrintStream out) throws InterruptedException {
        String name = "example-map-listener-" + UUID.randomUUID().toString().substring(0, 8);
        List<EntryEvent<String, Integer>> heard = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        try (Coordinator writer = Coordinator.connect(config);
                Coordinator listener = Coordinator.connect(config);
                SharedMap<String, Integer> written =
                        SharedMap.named(name, String.class, Integer.class, writer);
                SharedMap<String, Integer> watched =
                        SharedMap.named(name, String.class, Integer.class, listener);
                EventChannel.Subscription listening =
                        watched.listen(
                                e -> {
                                    out.printf(
                                            "heard v%d %s %s: %s -> %s%n",
                                            e.version(),
                                            e.kind(),
                                            e.key(),
                                            e.oldValue(),
                                            e.newValue());
                                    heard.add(e);
                                    three.countDown();
                                })) {
            try {
                written.put("stock", 10);
                written.put("stock", 7);
                written.remove("stock");
                three.await(10, TimeUnit.SECONDS);
                List<EntryEvent.Kind> kinds = heard.stream().map(EntryEvent::kind).toList();
                out.printf("the listener heard %s%n", kinds);
                return kinds.equals(
                        List.of(
                                EntryEvent.Kind.ADDED,
                                EntryEvent.Kind.UPDATED,
                                EntryEvent.Kind.REMOVED));
            } finally {
                written.delete();
            }
        }
    }
}
