package dev.warren.internal.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pauses before each new try: {@code first}, doubling up to {@code most}, which every later pause
 * keeps, so a peer that comes back after a long outage is reached within {@code most} of its
 * return.
 */
public record Backoff(Duration first, Duration most) {

    public Backoff {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "backoff must grow from a positive first pause, was " + first + " to " + most);
        }
    }

    /** The pause before try {@code attempt} (1 for the first try after the failure). */
    public Duration before(int attempt) {
        long millis = first.toMillis();
        for (int i = 1; i < attempt && millis < most.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, most.toMillis()));
    }

    /** The pauses before tries 1 to {@code count}. */
    public List<Duration> firstPauses(int count) {
        List<Duration> pauses = new ArrayList<>(count);
        for (int attempt = 1; attempt <= count; attempt++) {
            pauses.add(before(attempt));
        }
        return List.copyOf(pauses);
    }
}
