package dev.warren.benchmarks;

import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/** Full load: no-op tasks submitted with a fixed number in flight, until all have come back. */
final class TaskLoad {
    private TaskLoad() {}

    /**
     * @param recorder gets each round trip in microseconds, or null for a warm-up
     * @throws IllegalStateException when a task failed or the replies stopped coming
     */
    static void send(TaskClient client, int payload, long tasks, int window, Recorder recorder)
            throws InterruptedException {
        send(client, SubmitOptions.defaults(), payload, tasks, window, recorder);
    }

    /** As above, with these submit options (another queue, say). */
    static void send(
            TaskClient client,
            SubmitOptions options,
            int payload,
            long tasks,
            int window,
            Recorder recorder)
            throws InterruptedException {
        byte[] data = new byte[payload];
        Semaphore inFlight = new Semaphore(window);
        CountDownLatch done = new CountDownLatch((int) tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long i = 0; i < tasks && failure.get() == null; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            client.submit(new NoopTask(data), options)
                    .result()
                    .whenComplete(
                            (length, error) -> {
                                if (recorder != null) {
                                    recorder.recordValue((System.nanoTime() - sent) / 1000);
                                }
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                                inFlight.release();
                                done.countDown();
                            });
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!done.await(1, TimeUnit.SECONDS)
                && failure.get() == null
                && System.nanoTime() < deadline) {
            // waiting for the last replies
        }
        if (done.getCount() > 0 || failure.get() != null) {
            throw new IllegalStateException(
                    "throughput run failed: " + failure.get() + ", " + done.getCount() + " left");
        }
    }
}
