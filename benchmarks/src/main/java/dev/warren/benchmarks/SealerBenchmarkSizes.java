package dev.warren.benchmarks;

/** The encoded body sizes of the two tasks {@link SealerBenchmark} seals, for the table. */
final class SealerBenchmarkSizes {
    static final int SMALL_BYTES;
    static final int LARGE_BYTES;

    static {
        var sealer = SealerBenchmark.newSealer();
        SMALL_BYTES = sealer.seal(ResizeImage.sample(), "id", "type", 0, null, 1).body().length;
        LARGE_BYTES =
                sealer.seal(new NoopTask(new byte[10 * 1024]), "id", "type", 0, null, 1)
                        .body()
                        .length;
    }

    private SealerBenchmarkSizes() {}
}
