package dev.warren.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.BrokerLink;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The client side of the backlog run, in its own JVM (started with {@code -Xmx256m} and a GC log):
 * enqueues {@code count} no-op tasks with {@code enqueueAsync} as fast as the publish window lets
 * it, and reports the rate and the heap it needed. Prints one line starting with {@code RESULT}.
 *
 * <pre>
 * WARREN_KEYS=... java -Xmx256m -cp ... dev.warren.benchmarks.ClientHeapProbe URI COUNT PAYLOAD
 * </pre>
 */
public final class ClientHeapProbe {
    private ClientHeapProbe() {}

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        long count = Long.parseLong(args[1]);
        int payload = Integer.parseInt(args[2]);
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri(uri)
                        .signingKeys(SigningKeys.fromEnvironment())
                        .catalog(new BenchmarkCatalog())
                        .connectionName("warren-bench-heap")
                        .build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakUsed = new AtomicLong();
        AtomicLong peakAfterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo
                                        .GARBAGE_COLLECTION_NOTIFICATION
                                        .equals(notification.getType())) {
                                    return;
                                }
                                var info =
                                        GarbageCollectionNotificationInfo.from(
                                                (CompositeData) notification.getUserData());
                                long after =
                                        info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                                .mapToLong(MemoryUsage::getUsed)
                                                .sum();
                                collections.incrementAndGet();
                                peakAfterGc.accumulateAndGet(after, Math::max);
                            },
                            null,
                            null);
        }
        Thread sampler =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                peakUsed.accumulateAndGet(
                                        memory.getHeapMemoryUsage().getUsed(), Math::max);
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "heap-sampler");
        sampler.setDaemon(true);
        AtomicLong failures = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        long start;
        long end;
        try (Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker)) {
            byte[] data = new byte[payload];
            client.enqueue(new NoopTask(data)); // declares the queue before the clock starts
            sampler.start();
            start = System.nanoTime();
            for (long i = 1; i < count; i++) {
                client.enqueueAsync(new NoopTask(data))
                        .whenComplete(
                                (id, error) -> {
                                    if (error != null) {
                                        failures.incrementAndGet();
                                        firstFailure.compareAndSet(null, error);
                                    }
                                });
            }
            if (!BrokerLink.of(broker).awaitConfirms(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the broker did not confirm every task in 5 min");
            }
            end = System.nanoTime();
        }
        sampler.interrupt();
        double seconds = (end - start) / 1e9;
        long max = memory.getHeapMemoryUsage().getMax();
        System.out.printf(
                java.util.Locale.ROOT,
                "RESULT count=%d seconds=%.3f rate=%.1f failures=%d peakUsedMiB=%.1f peakAfterGcMiB=%.1f maxHeapMiB=%.1f gcs=%d%n",
                count,
                seconds,
                (count - 1) / seconds,
                failures.get(),
                peakUsed.get() / 1048576.0,
                peakAfterGc.get() / 1048576.0,
                max / 1048576.0,
                collections.get());
        if (firstFailure.get() != null) {
            System.out.println("FIRST-FAILURE " + firstFailure.get());
        }
        System.out.flush();
        System.exit(failures.get() == 0 ? 0 : 1);
    }
}
