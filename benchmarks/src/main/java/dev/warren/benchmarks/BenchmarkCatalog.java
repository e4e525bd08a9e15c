package dev.warren.benchmarks;

import dev.warren.TaskCatalog;

/**
 * The benchmark's task classes with their Kryo ids; {@code warren-worker} finds it through {@code
 * META-INF/services/dev.warren.TaskCatalog} when the benchmark classes are on its {@code
 * --classpath}.
 *
 * <pre>{@code
 * WarrenConfig config = WarrenConfig.custom().catalog(new BenchmarkCatalog())...build();
 * }</pre>
 */
public final class BenchmarkCatalog implements TaskCatalog {
    @Override
    public void register(Registry config) {
        config.register(NoopTask.class, 900).register(ResizeImage.class, 901);
    }
}
