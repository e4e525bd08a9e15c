package dev.warren.sync;

import java.time.Duration;

/**
 * How long a coordinator waits before each attempt to reconnect: {@code first}, doubling up to
 * {@code most}. Attempts go on until the coordinator is closed; a broker that comes back after an
 * hour is reached within {@code most} of its return.
 */
record ReconnectBackoff(Duration first, Duration most) {
    static final ReconnectBackoff DEFAULT =
            new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    ReconnectBackoff {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "reconnect backoff must grow from a positive first wait, was "
                            + first
                            + " to "
                            + most);
        }
    }

    /** The wait before attempt {@code attempt} (1 for the first attempt after the loss). */
    Duration before(int attempt) {
        long millis = first.toMillis();
        for (int i = 1; i < attempt && millis < most.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, most.toMillis()));
    }

    /**
     * Whether attempt {@code attempt}'s failure deserves a WARN: the first three, then one in ten,
     * so an outage of an hour logs a few hundred lines rather than thousands.
     */
    static boolean worthWarning(int attempt) {
        return attempt <= 3 || attempt % 10 == 0;
    }
}
