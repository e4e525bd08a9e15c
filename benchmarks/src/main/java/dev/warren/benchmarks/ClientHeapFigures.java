package dev.warren.benchmarks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link ClientHeapProbe} reports on its {@code RESULT} line. */
record ClientHeapFigures(
        long count,
        double seconds,
        double ratePerSecond,
        long failures,
        double peakUsedMiB,
        double peakAfterGcMiB,
        double maxHeapMiB,
        long collections) {

    private static final Pattern RESULT =
            Pattern.compile(
                    "RESULT count=(\\d+) seconds=([0-9.]+) rate=([0-9.]+) failures=(\\d+) peakUsedMiB=([0-9.]+) peakAfterGcMiB=([0-9.]+) maxHeapMiB=([0-9.]+) gcs=(\\d+)");

    static Optional<ClientHeapFigures> parse(String line) {
        Matcher m = RESULT.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(
                new ClientHeapFigures(
                        Long.parseLong(m.group(1)),
                        Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)),
                        Long.parseLong(m.group(4)),
                        Double.parseDouble(m.group(5)),
                        Double.parseDouble(m.group(6)),
                        Double.parseDouble(m.group(7)),
                        Long.parseLong(m.group(8))));
    }
}
