package dev.warren.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads task bodies run on: as many as run or are stuck, reused while busy, ended after a
 * minute idle. Daemon threads, so a stuck one never keeps the JVM alive once the worker is closed.
 */
final class TaskThreads {
    private TaskThreads() {}

    static ExecutorService create() {
        AtomicInteger threads = new AtomicInteger();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "warren-task-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    t.setContextClassLoader(loader);
                    return t;
                });
    }
}
