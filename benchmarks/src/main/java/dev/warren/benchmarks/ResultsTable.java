package dev.warren.benchmarks;

import java.util.List;
import java.util.Locale;

/** The results as people read them: the table at the end, and one line per row as it comes. */
final class ResultsTable {
    private static final String COLUMNS = "%-9s %-22s %7s %9s %9s %8s %10s %6s %10s %10s %10s%n";

    private ResultsTable() {}

    static String render(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
                        COLUMNS,
                        "section",
                        "what",
                        "workers",
                        "payload",
                        "messages",
                        "seconds",
                        "rate/s",
                        "ratio",
                        "p50 us",
                        "p99 us",
                        "p99.9 us"));
        for (Row r : rows) {
            table.append(
                    String.format(
                            Locale.ROOT,
                            COLUMNS,
                            r.section(),
                            r.what(),
                            r.workers() == 0 ? "" : Integer.toString(r.workers()),
                            r.payloadBytes() + " B",
                            r.messages() == 0 ? "" : Long.toString(r.messages()),
                            fixed(r.seconds(), 1),
                            fixed(r.ratePerSecond(), 0),
                            fixed(r.ratio(), 2),
                            // JMH's mean is in microseconds per operation: sub-microsecond matters
                            fixed(r.p50Micros(), r.section().equals("jmh") ? 3 : 0),
                            fixed(r.p99Micros(), 0),
                            fixed(r.p999Micros(), 0)));
        }
        return table.toString();
    }

    static String progressLine(Row row) {
        return String.format(
                Locale.ROOT,
                "  %-9s %-26s workers=%d payload=%dB  %s%n",
                row.section(),
                row.what(),
                row.workers(),
                row.payloadBytes(),
                summary(row));
    }

    private static String summary(Row r) {
        StringBuilder s = new StringBuilder();
        if (!Double.isNaN(r.ratePerSecond())) {
            s.append(String.format(Locale.ROOT, "%.0f/s ", r.ratePerSecond()));
        }
        if (!Double.isNaN(r.ratio())) {
            s.append(String.format(Locale.ROOT, "ratio %.2f ", r.ratio()));
        }
        if (!Double.isNaN(r.p50Micros())) {
            s.append(String.format(Locale.ROOT, "p50 %.1f us ", r.p50Micros()));
        }
        if (!Double.isNaN(r.p99Micros())) {
            s.append(String.format(Locale.ROOT, "p99 %.1f us ", r.p99Micros()));
        }
        return s.toString();
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
