package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Two coordinators (as if two processes) share one {@link DistributedLock}: the second cannot take
 * it while the first holds it, then gets it with a larger fencing token.
 */
public final class LockExample {
    private LockExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /** Runs the example; true when the lock behaved: refused while held, a larger token after. */
    public static boolean run(WarrenConfig config, PrintStream out) {
        String name = "example-lock-" + UUID.randomUUID().toString().substring(0, 8);
        try (Coordinator alice = Coordinator.connect(config);
                Coordinator bob = Coordinator.connect(config)) {
            DistributedLock aliceLock = DistributedLock.named(name, alice);
            DistributedLock bobLock = DistributedLock.named(name, bob);
            try {
                long aliceToken;
                boolean refusedWhileHeld;
                try (Lease lease = aliceLock.acquire(Duration.ofSeconds(5))) {
                    aliceToken = lease.fencingToken();
                    out.printf("alice holds the lock with fencing token %d%n", aliceToken);
                    Optional<Lease> intruder = bobLock.tryAcquire();
                    refusedWhileHeld = intruder.isEmpty();
                    intruder.ifPresent(Lease::close);
                    out.printf(
                            "bob tries while alice holds it: %s%n",
                            refusedWhileHeld ? "refused" : "got it (wrong!)");
                }
                out.println("alice released it");
                boolean largerToken;
                try (Lease lease = bobLock.acquire(Duration.ofSeconds(5))) {
                    largerToken = lease.fencingToken() > aliceToken;
                    out.printf(
                            "bob holds the lock with fencing token %d (larger: %b)%n",
                            lease.fencingToken(), largerToken);
                }
                return refusedWhileHeld && largerToken;
            } finally {
                aliceLock.delete();
            }
        }
    }
}
