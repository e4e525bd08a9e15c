package dev.warren.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shipped against jar, pair by pair: each pair's ratio, and their median and range, so the spread
 * is printed beside the figure.
 */
final class PairedRatios {
    private final List<Double> ratios = new ArrayList<>();

    /** One pair's figures; a ratio above 1 means the shipped side took longer. */
    void add(double shipped, double jar) {
        if (!(jar > 0) || Double.isNaN(shipped)) {
            throw new IllegalArgumentException(
                    "a pair needs a positive jar figure and a shipped one, not "
                            + shipped
                            + " / "
                            + jar);
        }
        ratios.add(shipped / jar);
    }

    int size() {
        return ratios.size();
    }

    double median() {
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "median +3.1 % (pairs from -2.0 % to +8.4 %, 5 pairs)". */
    String describe() {
        if (ratios.isEmpty()) {
            return "no pairs";
        }
        return String.format(
                Locale.ROOT,
                "median %s (pairs from %s to %s, %d pairs)",
                percent(median()),
                percent(min()),
                percent(max()),
                ratios.size());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f %%", (ratio - 1) * 100);
    }
}
