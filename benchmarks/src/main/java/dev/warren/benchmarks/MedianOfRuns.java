package dev.warren.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Repeated runs of one measurement, ordered by rate: the median counts, and the note on its row
 * lists every run's rate, because on a shared machine the spread is part of the figure.
 */
final class MedianOfRuns<T> {
    private final List<T> byRate;
    private final ToDoubleFunction<T> rate;

    private MedianOfRuns(List<T> byRate, ToDoubleFunction<T> rate) {
        this.byRate = byRate;
        this.rate = rate;
    }

    static <T> MedianOfRuns<T> of(List<T> runs, ToDoubleFunction<T> rate) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(rate));
        return new MedianOfRuns<>(sorted, rate);
    }

    /** The middle run; of an even number, the faster of the two middle ones. */
    T median() {
        return byRate.get(byRate.size() / 2);
    }

    /** {@code "median of 3 runs (980 1010 1200 msg/s); "}, or nothing for a single run. */
    String note(String unit) {
        if (byRate.size() == 1) {
            return "";
        }
        String rates =
                byRate.stream()
                        .map(run -> String.format(Locale.ROOT, "%.0f", rate.applyAsDouble(run)))
                        .collect(Collectors.joining(" "));
        return "median of " + byRate.size() + " runs (" + rates + " " + unit + "); ";
    }
}
