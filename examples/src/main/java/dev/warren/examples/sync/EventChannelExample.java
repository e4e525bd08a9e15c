package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.EventChannel;
import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Two subscribers of a signed {@link EventChannel} each receive every published event. */
public final class EventChannelExample {
    private EventChannelExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /** Runs the example; true when each subscriber got each of the 3 events once, none dropped. */
    public static boolean run(WarrenConfig config, PrintStream out) throws InterruptedException {
        String name = "example-events-" + UUID.randomUUID().toString().substring(0, 8);
        try (Coordinator coordinator = Coordinator.connect(config)) {
            EventChannel<String> news = EventChannel.named(name, String.class, coordinator);
            CountDownLatch all = new CountDownLatch(6);
            try (EventChannel.Subscription first =
                            news.subscribe(
                                    e -> {
                                        out.println("subscriber 1 got: " + e);
                                        all.countDown();
                                    });
                    EventChannel.Subscription second =
                            news.subscribe(
                                    e -> {
                                        out.println("subscriber 2 got: " + e);
                                        all.countDown();
                                    })) {
                for (String event : new String[] {"build started", "tests passed", "deployed"}) {
                    out.println("publishing: " + event);
                    news.publish(event);
                }
                boolean allArrived = all.await(10, TimeUnit.SECONDS);
                long firstGot = first.receivedCount();
                long secondGot = second.receivedCount();
                long dropped = news.droppedCount();
                out.printf(
                        "the subscribers got %d and %d events; %d messages dropped%n",
                        firstGot, secondGot, dropped);
                return allArrived && firstGot == 3 && secondGot == 3 && dropped == 0;
            } finally {
                news.delete();
            }
        }
    }
}
