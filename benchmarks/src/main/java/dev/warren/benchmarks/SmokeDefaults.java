package dev.warren.benchmarks;

import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The tiny counts of {@code --smoke}: every path once, in seconds, with no timing worth reading.
 * They replace the defaults of these options, and a flag given beside {@code --smoke} still wins.
 * Picocli asks for defaults before it has parsed {@code --smoke}, hence the look at the raw
 * arguments.
 */
final class SmokeDefaults implements IDefaultValueProvider {
    private static final Map<String, String> COUNTS =
            Map.ofEntries(
                    Map.entry("--jmh-iterations", "1"),
                    Map.entry("--perftest-seconds", "2"),
                    Map.entry("--rounds", "1"),
                    Map.entry("--perftest-low-rate", "50"),
                    Map.entry("--tasks", "1000"),
                    Map.entry("--bytes-per-run", Long.toString(8L << 20)),
                    Map.entry("--latency-samples", "50"),
                    Map.entry("--workers", "1,2"),
                    Map.entry("--payloads", "100,10240"),
                    Map.entry("--backlog", "2000"),
                    Map.entry("--drain-workers", "1"),
                    Map.entry("--shipped-pairs", "1"),
                    Map.entry("--shipped-tasks", "200"),
                    Map.entry("--shipped-samples", "20"));

    private final boolean smoke;

    private SmokeDefaults(boolean smoke) {
        this.smoke = smoke;
    }

    static SmokeDefaults forArguments(String[] args) {
        return new SmokeDefaults(Arrays.asList(args).contains("--smoke"));
    }

    /** Null where the option's own default holds. */
    @Override
    public String defaultValue(ArgSpec argument) {
        if (!smoke || !(argument instanceof OptionSpec option)) {
            return null;
        }
        return COUNTS.get(option.longestName());
    }
}
