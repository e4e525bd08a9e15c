package dev.warren.benchmarks;

/**
 * One line of the results table and CSV. Rates are per second, latencies in microseconds; {@code
 * NaN} where a column does not apply.
 */
record Row(
        String section,
        String what,
        int workers,
        int payloadBytes,
        long messages,
        double seconds,
        double ratePerSecond,
        double ratio,
        double p50Micros,
        double p99Micros,
        double p999Micros,
        String note) {

    static final String CSV_HEADER =
            "section,what,workers,payload_bytes,messages,seconds,rate_per_s,ratio,p50_us,p99_us,p999_us,note";

    Row withNote(String replacement) {
        return new Row(
                section,
                what,
                workers,
                payloadBytes,
                messages,
                seconds,
                ratePerSecond,
                ratio,
                p50Micros,
                p99Micros,
                p999Micros,
                replacement);
    }

    String csv() {
        return String.join(
                ",",
                section,
                '"' + what.replace("\"", "'") + '"',
                Integer.toString(workers),
                Integer.toString(payloadBytes),
                Long.toString(messages),
                number(seconds),
                number(ratePerSecond),
                number(ratio),
                number(p50Micros),
                number(p99Micros),
                number(p999Micros),
                '"' + note.replace("\"", "'") + '"');
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
