package dev.warren.ops;

/**
 * What one worker did on one of its queues, as its heartbeat reports it: running totals since it
 * started, and the run times of the tasks whose run ended in the last ten seconds.
 *
 * <pre>{@code
 * QueueActivity a = beat.activity().get("primes");
 * System.out.println(a.finished() + " done, p99 " + a.runP99Millis() + " ms");
 * }</pre>
 *
 * @param delivered messages the broker delivered to it from this queue since it started
 * @param finished of those, the ones it is done with (run or refused, outcome handed to the broker)
 * @param runs tasks whose run ended in the last ten seconds (at most the latest 4,096 are kept)
 * @param runP50Millis median run time of those, in milliseconds (0 when {@code runs} is 0)
 * @param runP99Millis 99th percentile of those, in milliseconds (0 when {@code runs} is 0)
 */
public record QueueActivity(
        long delivered, long finished, long runs, double runP50Millis, double runP99Millis) {

    /** The heartbeat's form: five numbers separated by spaces. */
    String toWire() {
        return delivered + " " + finished + " " + runs + " " + runP50Millis + " " + runP99Millis;
    }

    /**
     * Reads {@link #toWire()}'s form.
     *
     * @throws IllegalArgumentException if it is not five numbers
     */
    static QueueActivity fromWire(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException("queue activity is five numbers, not: " + text);
        }
        try {
            return new QueueActivity(
                    Long.parseLong(parts[0]),
                    Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]),
                    Double.parseDouble(parts[3]),
                    Double.parseDouble(parts[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("queue activity is five numbers, not: " + text, e);
        }
    }
}
