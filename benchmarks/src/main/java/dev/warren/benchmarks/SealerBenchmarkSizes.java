package dev.warren.benchmarks;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Heading;

/** The encoded body sizes of the two tasks {@link SealerBenchmark} seals, for the table. */
final class SealerBenchmarkSizes {
    static final int SMALL_BYTES;
    static final int LARGE_BYTES;

    static {
        var sealer = SealerBenchmark.newSealer();
        SMALL_BYTES =
                sealer.seal(
                                new Heading("id", "type", 0, null, 1, Binding.of("queue", "task")),
                                ResizeImage.sample())
                        .body()
                        .length;
        LARGE_BYTES =
                sealer.seal(
                                new Heading("id", "type", 0, null, 1, Binding.of("queue", "task")),
                                new NoopTask(new byte[10 * 1024]))
                        .body()
                        .length;
    }

    private SealerBenchmarkSizes() {}
}
