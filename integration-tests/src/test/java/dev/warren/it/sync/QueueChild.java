package dev.warren.it.sync;

import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedQueue;
import dev.warren.sync.QueueOptions;
import dev.warren.testing.TestBroker;
import dev.warren.testing.process.JvmLauncher;
import dev.warren.testing.process.JvmProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child processes of the distributed-queue integration tests; prints what happens, one line per
 * fact. The last argument is the bound ("0": unbounded).
 */
public final class QueueChild {
    private QueueChild() {}

    static JvmProcess launch(TestBroker broker, String... args) throws IOException {
        return JvmLauncher.mainClass(
                        System.getProperty("java.class.path"), QueueChild.class.getName())
                .jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m")
                .args(args)
                .environment(SyncChild.BROKER_ENV, broker.uri().toString())
                .environment(SyncChild.KEYS_ENV, broker.keysText())
                .label(String.join(" ", args))
                .launch();
    }

    public static void main(String[] args) throws Exception {
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri(System.getenv(SyncChild.BROKER_ENV))
                        .signingKeys(
                                SigningKeys.parse(System.getenv(SyncChild.KEYS_ENV), "test keys"))
                        .connectionName("queue-it-child")
                        .build();
        try (Coordinator coordinator = Coordinator.connect(config)) {
            int bound = Integer.parseInt(args[args.length - 1]);
            QueueOptions options =
                    bound == 0 ? QueueOptions.unbounded() : QueueOptions.bounded(bound);
            DistributedQueue<String> queue = coordinator.queue(args[1], String.class, options);
            switch (args[0]) {
                case "put" -> put(queue, args[2], Integer.parseInt(args[3]));
                case "take" -> take(queue);
                case "hold" -> hold(queue);
                case "join" -> join(queue);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Puts {@code prefix-1} to {@code prefix-count}, saying each once it is in. */
    private static void put(DistributedQueue<String> queue, String prefix, int count) {
        say("READY");
        for (int i = 1; i <= count; i++) {
            queue.put(prefix + "-" + i);
            say("PUT " + prefix + "-" + i);
        }
        say("DONE");
    }

    /** Takes and marks done until the parent closes stdin and the queue has run dry. */
    private static void take(DistributedQueue<String> queue) {
        AtomicBoolean parentDone = new AtomicBoolean();
        Thread stdin =
                new Thread(
                        () -> {
                            try {
                                while (System.in.read() >= 0) {
                                    // the parent closes stdin when the producers are done
                                }
                            } catch (IOException e) {
                                // treated as closed
                            }
                            parentDone.set(true);
                        });
        stdin.setDaemon(true);
        stdin.start();
        say("READY");
        int taken = 0;
        while (true) {
            boolean lastLook = parentDone.get();
            Optional<String> item = queue.poll(Duration.ofMillis(500));
            if (item.isPresent()) {
                say("TOOK " + item.get());
                queue.taskDone();
                taken++;
            } else if (lastLook) {
                break;
            }
        }
        say("TAKEN " + taken);
    }

    private static void hold(DistributedQueue<String> queue) throws Exception {
        String item = queue.get(Duration.ofSeconds(30));
        say("HOLDING " + item);
        while (System.in.read() >= 0) {
            // the parent kills us
        }
    }

    private static void join(DistributedQueue<String> queue) {
        say("JOINING");
        boolean joined = queue.join(Duration.ofSeconds(60));
        say("JOINED " + joined);
    }
}
