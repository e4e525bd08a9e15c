package dev.warren.it.sync;

import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.sync.BrokenBarrierException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedBarrier;
import dev.warren.sync.DistributedEvent;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.EventChannel;
import dev.warren.sync.LateOwnerRecord;
import dev.warren.sync.Lease;
import dev.warren.sync.Permit;
import dev.warren.sync.SharedMap;
import dev.warren.testing.TestBroker;
import dev.warren.testing.process.JvmLauncher;
import dev.warren.testing.process.JvmProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** The child processes of the sync integration tests; prints what happens, one line per fact. */
public final class SyncChild {
    static final String BROKER_ENV = "WARREN_SYNC_IT_BROKER";
    static final String KEYS_ENV = "WARREN_SYNC_IT_KEYS";

    private SyncChild() {}

    /** Starts a child JVM running {@code args} against the test broker, with the test key. */
    static JvmProcess launch(TestBroker broker, String... args) throws IOException {
        return JvmLauncher.mainClass(
                        System.getProperty("java.class.path"), SyncChild.class.getName())
                .jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m")
                .args(args)
                .environment(BROKER_ENV, broker.uri().toString())
                .environment(KEYS_ENV, broker.keysText())
                .label(String.join(" ", args))
                .launch();
    }

    public static void main(String[] args) throws Exception {
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri(System.getenv(BROKER_ENV))
                        .signingKeys(SigningKeys.parse(System.getenv(KEYS_ENV), "test keys"))
                        .connectionName("sync-it-child")
                        .build();
        try (Coordinator coordinator = Coordinator.connect(config)) {
            switch (args[0]) {
                case "lock-increment" ->
                        lockIncrement(
                                coordinator, args[1], Path.of(args[2]), Integer.parseInt(args[3]));
                case "lock-hold" -> lockHold(coordinator, args[1]);
                case "lock-wait" -> lockWait(coordinator, args[1]);
                case "semaphore-work" ->
                        semaphoreWork(
                                coordinator,
                                args[1],
                                Integer.parseInt(args[2]),
                                Path.of(args[3]),
                                Integer.parseInt(args[4]));
                case "semaphore-hold" ->
                        semaphoreHold(coordinator, args[1], Integer.parseInt(args[2]));
                case "event-wait" -> eventWait(coordinator, args[1]);
                case "events-subscribe" -> eventsSubscribe(coordinator, args[1]);
                case "map-increment" ->
                        mapIncrement(coordinator, args[1], args[2], Integer.parseInt(args[3]));
                case "map-stand" -> mapStand(coordinator, args[1], args[2]);
                case "map-late-owner" -> mapLateOwner(coordinator, config, args[1], args[2]);
                case "map-listen" -> mapListen(coordinator, args[1]);
                case "barrier-rounds" ->
                        barrierRounds(
                                coordinator,
                                args[1],
                                Integer.parseInt(args[2]),
                                Integer.parseInt(args[3]),
                                Duration.ofMillis(Long.parseLong(args[4])));
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

    private static void waitForParent() throws Exception {
        while (System.in.read() >= 0) {
            // the parent closes stdin (or kills us)
        }
    }

    /**
     * The file holds "count lastToken"; a token that is not larger than the last one is a fencing
     * failure.
     */
    private static void lockIncrement(Coordinator coordinator, String name, Path file, int times)
            throws Exception {
        DistributedLock lock = DistributedLock.named(name, coordinator);
        say("READY");
        for (int i = 0; i < times; i++) {
            try (Lease lease = lock.acquire(Duration.ofSeconds(60))) {
                String[] parts = Files.readString(file).strip().split(" ");
                long count = Long.parseLong(parts[0]);
                long lastToken = Long.parseLong(parts[1]);
                if (lease.fencingToken() <= lastToken) {
                    say("FENCING-VIOLATION " + lease.fencingToken() + " <= " + lastToken);
                }
                Files.writeString(file, (count + 1) + " " + lease.fencingToken());
            }
        }
        say("DONE");
    }

    private static void lockHold(Coordinator coordinator, String name) throws Exception {
        DistributedLock lock = DistributedLock.named(name, coordinator);
        Lease lease = lock.acquire(Duration.ofSeconds(30));
        say("HOLDING " + lease.fencingToken());
        waitForParent();
        lease.close();
    }

    private static void lockWait(Coordinator coordinator, String name) throws Exception {
        DistributedLock lock = DistributedLock.named(name, coordinator);
        say("WAITING");
        try (Lease lease = lock.acquire(Duration.ofSeconds(60))) {
            say("ACQUIRED " + lease.fencingToken() + " " + System.currentTimeMillis());
            waitForParent();
        }
    }

    /** Holds a permit for a few ms per round, marking itself in {@code dir} while it holds one. */
    private static void semaphoreWork(
            Coordinator coordinator, String name, int permits, Path dir, int rounds)
            throws Exception {
        DistributedSemaphore semaphore = DistributedSemaphore.named(name, permits, coordinator);
        say("READY");
        waitForParent(); // start together
        long pid = ProcessHandle.current().pid();
        int max = 0;
        for (int round = 0; round < rounds; round++) {
            try (Permit permit = semaphore.acquire(Duration.ofSeconds(60))) {
                Path mine = dir.resolve("holder-" + pid);
                Files.createFile(mine);
                try {
                    for (int look = 0; look < 5; look++) {
                        try (Stream<Path> holders = Files.list(dir)) {
                            max = Math.max(max, (int) holders.count());
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // simulated work
                    }
                } finally {
                    Files.delete(mine);
                }
            }
        }
        say("MAX " + max);
        say("DONE");
    }

    private static void semaphoreHold(Coordinator coordinator, String name, int permits)
            throws Exception {
        DistributedSemaphore semaphore = DistributedSemaphore.named(name, permits, coordinator);
        Permit permit = semaphore.acquire(Duration.ofSeconds(30));
        say("HOLDING");
        waitForParent();
        permit.close();
    }

    private static void eventWait(Coordinator coordinator, String name) {
        DistributedEvent event = DistributedEvent.named(name, coordinator);
        say("WAITING");
        boolean set = event.await(Duration.ofSeconds(60));
        say("WOKE " + set + " " + System.currentTimeMillis());
    }

    /**
     * Reports "PROGRESS received dropped" as counts change, then "REPORT ..." when the parent says
     * so.
     */
    private static void eventsSubscribe(Coordinator coordinator, String name) throws Exception {
        EventChannel<String> channel = EventChannel.named(name, String.class, coordinator);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        try (EventChannel.Subscription subscription =
                channel.subscribe(
                        event -> {
                            if (!seen.add(event)) {
                                duplicates.incrementAndGet();
                            }
                        })) {
            say("SUBSCRIBED");
            Thread reporter =
                    new Thread(
                            () -> {
                                String last = "";
                                while (true) {
                                    String now =
                                            "PROGRESS "
                                                    + subscription.receivedCount()
                                                    + " "
                                                    + subscription.droppedCount();
                                    if (!now.equals(last)) {
                                        say(now);
                                        last = now;
                                    }
                                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                                }
                            });
            reporter.setDaemon(true);
            reporter.start();
            waitForParent();
            say(
                    "REPORT "
                            + subscription.receivedCount()
                            + " "
                            + seen.size()
                            + " "
                            + duplicates.get()
                            + " "
                            + subscription.droppedCount());
        }
    }

    private static void mapIncrement(Coordinator coordinator, String name, String key, int times) {
        try (SharedMap<String, Integer> map =
                SharedMap.named(name, String.class, Integer.class, coordinator)) {
            say("READY");
            for (int i = 0; i < times; i++) {
                map.compute(key, v -> v == null ? 1 : v + 1);
            }
            say("DONE");
        }
    }

    /**
     * A process that only stands as owner: it serves a first read of its own to become the owner.
     */
    private static void mapStand(Coordinator coordinator, String name, String key)
            throws Exception {
        try (SharedMap<String, Integer> map =
                SharedMap.named(name, String.class, Integer.class, coordinator)) {
            map.get(key);
            say(map.isOwner() ? "OWNER" : "STANDBY");
            waitForParent();
        }
    }

    /**
     * Becomes the owner, seals the change it would write next (value 666), and once the parent
     * closes stdin (after freezing and resuming this process) publishes it on a fresh connection: a
     * deposed owner's late write.
     */
    private static void mapLateOwner(
            Coordinator coordinator, WarrenConfig config, String name, String key)
            throws Exception {
        try (SharedMap<String, Integer> map =
                SharedMap.named(name, String.class, Integer.class, coordinator)) {
            map.put(key, 1);
            if (!map.isOwner()) {
                say("STANDBY");
                return;
            }
            LateOwnerRecord.Sealed late = LateOwnerRecord.next(coordinator, name, key, 666);
            say("OWNER epoch " + late.epoch() + " sealed v" + late.version());
            waitForParent();
            com.rabbitmq.client.ConnectionFactory factory =
                    new com.rabbitmq.client.ConnectionFactory();
            factory.setUri(config.brokerUri());
            try (com.rabbitmq.client.Connection raw = factory.newConnection();
                    com.rabbitmq.client.Channel ch = raw.createChannel()) {
                ch.confirmSelect();
                ch.basicPublish("", late.queue(), late.properties(), late.body());
                ch.waitForConfirmsOrDie(10_000);
            }
            say("WROTE " + late.queue());
        }
    }

    /** Prints "EVENT kind key old new version" for each change until stdin closes. */
    private static void mapListen(Coordinator coordinator, String name) throws Exception {
        try (SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, coordinator);
                EventChannel.Subscription listening =
                        map.listen(
                                e ->
                                        say(
                                                "EVENT "
                                                        + e.kind()
                                                        + " "
                                                        + e.key()
                                                        + " "
                                                        + e.oldValue()
                                                        + " "
                                                        + e.newValue()
                                                        + " "
                                                        + e.version()))) {
            say("LISTENING");
            waitForParent();
            say("GAPS " + listening.gapCount() + " DROPPED " + listening.droppedCount());
        }
    }

    /**
     * Awaits the barrier {@code rounds} times: "ARRIVING r at", then "PASSED r index at" or "BROKEN
     * r at message" (and stops); at the end "DROPPED n".
     */
    private static void barrierRounds(
            Coordinator coordinator, String name, int parties, int rounds, Duration timeout) {
        DistributedBarrier barrier = coordinator.barrier(name, parties);
        say("READY");
        for (int round = 0; round < rounds; round++) {
            say("ARRIVING " + round + " " + System.currentTimeMillis());
            try {
                int index = barrier.await(timeout);
                say("PASSED " + round + " " + index + " " + System.currentTimeMillis());
            } catch (BrokenBarrierException e) {
                say("BROKEN " + round + " " + System.currentTimeMillis() + " " + e.getMessage());
                break;
            }
        }
        say("DROPPED " + coordinator.droppedCount());
    }

    static void writeCounterFile(Path file) throws Exception {
        Files.writeString(file, "0 0", StandardCharsets.UTF_8);
    }

    static boolean createOnce(Path file) throws Exception {
        try {
            Files.createFile(file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
