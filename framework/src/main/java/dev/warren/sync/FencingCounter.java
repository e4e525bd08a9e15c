package dev.warren.sync;

import java.nio.charset.StandardCharsets;

/** The body of a sequencer queue's one message: the last fencing token granted, in ASCII. */
final class FencingCounter {
    private static final int QUOTED_AT_MOST = 40;

    private FencingCounter() {}

    /** The counter a new sequencer starts with: the first grant gets token 1. */
    static byte[] initial() {
        return encode(0);
    }

    static byte[] encode(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @throws CoordinationException naming the queue and the primitive if the body is not a
     *     non-negative number
     */
    static long parse(byte[] body, String queue, String primitive) {
        String text = new String(body, StandardCharsets.US_ASCII).strip();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            String quoted =
                    text.length() > QUOTED_AT_MOST
                            ? text.substring(0, QUOTED_AT_MOST) + "..."
                            : text;
            throw new CoordinationException(
                    primitive
                            + ": queue "
                            + queue
                            + " holds '"
                            + quoted
                            + "' where a fencing counter (a number) belongs");
        }
    }
}
