package dev.warren.spring;

import dev.warren.Broker;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The application's worker: started once every bean is ready (so tasks find the services they
 * need), stopped first at shutdown, letting running tasks finish and be acknowledged before the
 * {@link Broker} bean closes. Without {@code warren.worker.queues} it runs nothing.
 *
 * <pre>{@code
 * @Autowired WarrenWorkers workers;
 * workers.worker().ifPresent(w -> log.info("{} tasks done", w.stats().succeeded()));
 * }</pre>
 */
public final class WarrenWorkers implements SmartLifecycle {
    private final Supplier<Broker> broker;
    private final WorkerConfig config;
    private volatile Worker worker;

    /** A worker for {@code config}, or none when {@code config} is null. */
    WarrenWorkers(Supplier<Broker> broker, WorkerConfig config) {
        this.broker = broker;
        this.config = config;
    }

    /** The worker configuration from {@code warren.worker.*}, if any queue is configured. */
    public Optional<WorkerConfig> config() {
        return Optional.ofNullable(config);
    }

    /**
     * The running worker; empty before the context started it, after it stopped, or with no queue.
     */
    public Optional<Worker> worker() {
        return Optional.ofNullable(worker);
    }

    @Override
    public synchronized void start() {
        if (config != null && worker == null) {
            worker = Worker.start(broker.get(), config);
        }
    }

    /** Waits for running tasks, up to {@code warren.worker.shutdown-timeout}. */
    @Override
    public synchronized void stop() {
        Worker running = worker;
        worker = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void stop(Runnable callback) {
        try {
            stop();
        } finally {
            callback.run();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
