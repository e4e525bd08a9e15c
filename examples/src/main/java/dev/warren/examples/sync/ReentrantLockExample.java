package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import dev.warren.sync.LockOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link LockOptions#reentrant() reentrant} {@link DistributedLock}: alice's thread takes it in a
 * method that calls another method taking it again; bob (another coordinator, as if another
 * process) is refused until alice's last lease is closed, then gets it with a larger fencing token.
 */
public final class ReentrantLockExample {
    private ReentrantLockExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /** Runs the example; true when the nested hold kept bob out and the last release let him in. */
    public static boolean run(WarrenConfig config, PrintStream out) {
        String name = "example-reentrant-" + UUID.randomUUID().toString().substring(0, 8);
        try (Coordinator alice = Coordinator.connect(config);
                Coordinator bob = Coordinator.connect(config)) {
            DistributedLock aliceLock = DistributedLock.named(name, alice, LockOptions.reentrant());
            DistributedLock bobLock = DistributedLock.named(name, bob);
            try {
                long aliceToken;
                boolean nestedSameToken;
                boolean refusedAfterInner;
                try (Lease outer = aliceLock.acquire(Duration.ofSeconds(5))) {
                    aliceToken = outer.fencingToken();
                    try (Lease inner = aliceLock.acquire(Duration.ofSeconds(5))) {
                        nestedSameToken = inner.fencingToken() == aliceToken;
                        out.printf(
                                "alice holds the lock twice (hold count %d), token %d both times%n",
                                aliceLock.holdCount(), inner.fencingToken());
                    }
                    refusedAfterInner = refused(bobLock);
                    out.printf(
                            "alice closed the inner lease (hold count %d); bob tries: %s%n",
                            aliceLock.holdCount(),
                            refusedAfterInner ? "refused" : "got it (wrong!)");
                }
                boolean largerToken;
                try (Lease lease = bobLock.acquire(Duration.ofSeconds(5))) {
                    largerToken = lease.fencingToken() > aliceToken;
                    out.printf(
                            "alice closed the outer lease; bob holds the lock with token %d"
                                    + " (larger: %b)%n",
                            lease.fencingToken(), largerToken);
                }
                return nestedSameToken && refusedAfterInner && largerToken;
            } finally {
                aliceLock.delete();
            }
        }
    }

    private static boolean refused(DistributedLock lock) {
        Optional<Lease> intruder = lock.tryAcquire();
        intruder.ifPresent(Lease::close);
        return intruder.isEmpty();
    }
}
