package dev.warren.it.cluster;

import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import dev.warren.sync.SharedMap;
import dev.warren.testing.process.JvmLauncher;
import dev.warren.testing.process.JvmProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The child processes of the cluster tests, each connected to the broker nodes it is given, with
 * quorum queues on; prints what happens, one line per fact, times in epoch milliseconds so the
 * parent can compare them with its own clock.
 */
public final class ClusterChild {
    static final String BROKER_ENV = "WARREN_CLUSTER_IT_BROKER";
    static final String KEYS_ENV = "WARREN_CLUSTER_IT_KEYS";
    static final String KEYS_TEXT = SigningKeys.generate("cluster-test");
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private ClusterChild() {}

    /** Starts a child JVM on {@code brokerUris} (one or several, comma-separated). */
    static JvmProcess launch(String brokerUris, String... args) throws IOException {
        return JvmLauncher.mainClass(
                        System.getProperty("java.class.path"), ClusterChild.class.getName())
                .jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m")
                .args(args)
                .environment(BROKER_ENV, brokerUris)
                .environment(KEYS_ENV, KEYS_TEXT)
                .label(String.join(" ", args) + " @" + brokerUris)
                .launch();
    }

    /** The configuration every process of a cluster test uses: quorum queues, the test key. */
    static WarrenConfig.Builder config(String brokerUris) {
        return config(brokerUris, KEYS_TEXT);
    }

    private static WarrenConfig.Builder config(String brokerUris, String keys) {
        return WarrenConfig.custom()
                .brokerUri(brokerUris)
                .signingKeys(SigningKeys.parse(keys, "cluster test keys"))
                .quorumQueues(true)
                .connectAttempts(3)
                .connectionName("cluster-it");
    }

    public static void main(String[] args) throws Exception {
        WarrenConfig config =
                config(System.getenv(BROKER_ENV), System.getenv(KEYS_ENV))
                        .connectionName("cluster-it-child")
                        .build();
        try (Coordinator coordinator = Coordinator.connect(config, HEARTBEAT)) {
            switch (args[0]) {
                case "lock-increment" ->
                        lockIncrement(
                                coordinator,
                                args[1],
                                Path.of(args[2]),
                                Path.of(args[3]),
                                Path.of(args[4]),
                                Boolean.parseBoolean(args[5]));
                case "map-increment" ->
                        mapIncrement(coordinator, args[1], args[2], Path.of(args[3]));
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

    /**
     * Increments the counter file under the lock until {@code stop} exists. While it holds the lock
     * it also holds an OS lock on {@code counter}'s sibling {@code .os-lock} taken with tryLock: a
     * refusal means another process is inside at the same time. Each write appends "token
     * epochMillis pid" to {@code counter}'s sibling {@code .log}. While {@code hold} exists, the
     * next lease it gets is held (printing "HOLDING token") until the file goes or the lease is
     * lost.
     */
    private static void lockIncrement(
            Coordinator coordinator,
            String name,
            Path counter,
            Path stop,
            Path hold,
            boolean useLock)
            throws Exception {
        DistributedLock lock = DistributedLock.named(name, coordinator);
        Path osLock = counter.resolveSibling(counter.getFileName() + ".os-lock");
        Path log = counter.resolveSibling(counter.getFileName() + ".log");
        say("READY");
        long done = 0;
        long failures = 0;
        try (FileChannel os =
                FileChannel.open(osLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (!Files.exists(stop)) {
                Lease lease;
                try {
                    lease = useLock ? lock.acquire(Duration.ofSeconds(60)) : null;
                } catch (RuntimeException e) {
                    failures++;
                    say("ACQUIRE-FAILED " + e);
                    continue;
                }
                long token = lease == null ? 0 : lease.fencingToken();
                if (lease != null) {
                    lease.onLost(() -> say("LOST " + token + " " + System.currentTimeMillis()));
                }
                try {
                    FileLock inside = os.tryLock();
                    if (inside == null) {
                        say("TWO-HOLDERS " + token);
                        continue;
                    }
                    try {
                        if (Files.exists(hold)) {
                            holdWhile(hold, lease, token);
                        }
                        if (lease != null && !lease.isValid()) {
                            say("SKIPPED-LOST " + token);
                            continue;
                        }
                        writeUnderLock(counter, log, token);
                        done++;
                    } finally {
                        inside.release();
                    }
                } finally {
                    if (lease != null) {
                        lease.close();
                    }
                }
            }
        }
        say("DONE " + done + " " + failures);
    }

    private static void holdWhile(Path hold, Lease lease, long token) {
        say("HOLDING " + token + " " + System.currentTimeMillis());
        while (Files.exists(hold) && (lease == null || lease.isValid())) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Reads "count lastToken", checks the token is larger, writes count+1 and appends to log. */
    private static void writeUnderLock(Path counter, Path log, long token) throws IOException {
        String[] parts = Files.readString(counter).strip().split(" ");
        long count = Long.parseLong(parts[0]);
        long lastToken = Long.parseLong(parts[1]);
        if (token != 0 && token <= lastToken) {
            say("FENCING-VIOLATION " + token + " <= " + lastToken);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // the work a holder does
        Files.writeString(counter, (count + 1) + " " + token);
        try (FileChannel out =
                FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line =
                    token
                            + " "
                            + System.currentTimeMillis()
                            + " "
                            + ProcessHandle.current().pid()
                            + "\n";
            out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Increments {@code key} until {@code stop} exists; prints "OWNER epochMillis" each time this
     * process becomes the map's owner and "DONE increments failures" at the end.
     */
    private static void mapIncrement(Coordinator coordinator, String name, String key, Path stop)
            throws Exception {
        try (SharedMap<String, Integer> map =
                SharedMap.named(name, String.class, Integer.class, coordinator)) {
            map.timeout(Duration.ofSeconds(60));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> watchOwnership(map, running), "owner-watch");
            watcher.setDaemon(true);
            watcher.start();
            map.get(key);
            say("READY");
            long done = 0;
            long failures = 0;
            while (!Files.exists(stop)) {
                try {
                    map.compute(key, v -> v == null ? 1 : v + 1);
                    done++;
                } catch (RuntimeException e) {
                    failures++;
                    say("COMPUTE-FAILED " + e);
                }
            }
            running.set(false);
            watcher.join();
            say("DONE " + done + " " + failures);
        }
    }

    private static void watchOwnership(SharedMap<?, ?> map, AtomicBoolean running) {
        boolean owner = false;
        while (running.get()) {
            boolean now = map.isOwner();
            if (now && !owner) {
                say("OWNER " + System.currentTimeMillis());
            } else if (!now && owner) {
                say("NOT-OWNER " + System.currentTimeMillis());
            }
            owner = now;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
