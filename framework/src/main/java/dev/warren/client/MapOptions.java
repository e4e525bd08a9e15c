package dev.warren.client;

import dev.warren.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TaskClient#map} runs: how many tasks may be in flight at once (memory stays bounded by
 * this, not by the number of inputs) and who hears about progress.
 *
 * <pre>{@code
 * client.map(tasks, MapOptions.custom()
 *         .window(500)
 *         .onProgress((done, total) -> bar.update(done, total))
 *         .build());
 * }</pre>
 */
public final class MapOptions {
    /** Told after each completed task; {@code total} is -1 when the input is not a collection. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long completed, long total);
    }

    private static final MapOptions DEFAULTS = custom().build();

    private final int window;
    private final ProgressListener progress;
    private final Duration outageTolerance;
    private final SubmitOptions submitOptions;

    private MapOptions(Builder b) {
        this.submitOptions = b.submitOptions;
        this.window = b.window;
        this.progress = b.progress;
        this.outageTolerance = b.outageTolerance;
    }

    public static MapOptions defaults() {
        return DEFAULTS;
    }

    public static Builder custom() {
        return new Builder();
    }

    public int window() {
        return window;
    }

    public ProgressListener progress() {
        return progress;
    }

    /** How long the map waits for an unreachable broker before it fails. */
    public Duration outageTolerance() {
        return outageTolerance;
    }

    /** Where each task of the map goes. */
    public SubmitOptions submitOptions() {
        return submitOptions;
    }

    /** Builds {@link MapOptions}. */
    public static final class Builder {
        private int window = 1000;
        private ProgressListener progress = (done, total) -> {};
        private Duration outageTolerance = Duration.ofMinutes(5);
        private SubmitOptions submitOptions = SubmitOptions.defaults();

        private Builder() {}

        public Builder window(int tasks) {
            if (tasks < 1) {
                throw new ConfigurationException("map window must be at least 1, was " + tasks);
            }
            this.window = tasks;
            return this;
        }

        public Builder onProgress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder outageTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "outageTolerance");
            if (tolerance.isNegative()) {
                throw new ConfigurationException(
                        "outageTolerance must not be negative, was " + tolerance);
            }
            this.outageTolerance = tolerance;
            return this;
        }

        /** Sends every task of the map to {@code queue}; see {@link SubmitOptions#onQueue}. */
        public Builder onQueue(String queue) {
            this.submitOptions = SubmitOptions.onQueue(queue);
            return this;
        }

        public MapOptions build() {
            return new MapOptions(this);
        }
    }
}
