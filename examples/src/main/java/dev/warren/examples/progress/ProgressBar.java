package dev.warren.examples.progress;

import dev.warren.client.MapOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A one-line terminal progress bar for {@code TaskClient.map}, fed by {@link
 * MapOptions.Builder#onProgress}. It redraws in place with a carriage return, at most every {@code
 * minInterval} (and always for the last task), so a map of a million tiny tasks does not spend its
 * time printing. Thread-safe: replies complete on several threads.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.on(System.err, "primes");
 * List<Long> sums = client.map(tasks, MapOptions.custom().onProgress(bar::update).build()).join();
 * bar.finish();
 * }</pre>
 *
 * <p>Shows {@code primes [#########...........] 45/100 45% 3.2s ETA 3.9s}; when the input's size is
 * unknown (total -1), only the count, the rate and the elapsed time.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final LongSupplier nanoClock;
    private final long minIntervalNanos;
    private final long startedAt;
    private long lastDrawnAt = Long.MIN_VALUE;
    private long lastDone = -1;
    private long lastTotal = -1;
    private int lastLength;

    ProgressBar(PrintStream out, String label, Duration minInterval, LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.nanoClock = nanoClock;
        this.minIntervalNanos = minInterval.toNanos();
        this.startedAt = nanoClock.getAsLong();
    }

    /** A bar that redraws at most ten times a second. */
    public static ProgressBar on(PrintStream out, String label) {
        return new ProgressBar(out, label, Duration.ofMillis(100), System::nanoTime);
    }

    /**
     * Tells the bar {@code done} of {@code total} tasks are complete ({@code total} -1: unknown).
     */
    public synchronized void update(long done, long total) {
        if (done < lastDone) {
            return; // replies race; an older count arriving late changes nothing
        }
        lastDone = done;
        lastTotal = total;
        long now = nanoClock.getAsLong();
        boolean last = total >= 0 && done >= total;
        if (!last && lastDrawnAt != Long.MIN_VALUE && now - lastDrawnAt < minIntervalNanos) {
            return;
        }
        lastDrawnAt = now;
        draw(render(done, total, now - startedAt));
    }

    /** Draws the final state and ends the line. */
    public synchronized void finish() {
        if (lastDone >= 0) {
            draw(render(lastDone, lastTotal, nanoClock.getAsLong() - startedAt));
        }
        out.println();
        out.flush();
    }

    private void draw(String line) {
        String padded =
                line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
        lastLength = line.length();
        out.print("\r" + padded);
        out.flush();
    }

    /** The line for a state, without the carriage return. */
    String render(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        StringBuilder line = new StringBuilder(label).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(WIDTH - filled))
                    .append("] ")
                    .append(
                            String.format(
                                    "%" + Long.toString(total).length() + "d/%d", done, total))
                    .append(String.format("  %3d%%", (int) Math.floor(fraction * 100)))
                    .append(String.format("  %.1fs", seconds));
            if (done > 0 && done < total) {
                double eta = seconds / done * (total - done);
                line.append(String.format("  ETA %.1fs", eta));
            }
        } else {
            line.append(done).append(" done");
            line.append(String.format("  %.1fs", seconds));
            if (seconds > 0) {
                line.append(String.format("  %.1f/s", done / seconds));
            }
        }
        return line.toString();
    }
}
