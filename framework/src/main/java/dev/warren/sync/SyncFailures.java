package dev.warren.sync;

import dev.warren.WarrenException;
import dev.warren.internal.transport.RabbitExceptions;
import dev.warren.internal.transport.RabbitExceptions.Failure;
import java.time.Duration;

/**
 * Turns failures into {@link CoordinationException}s with a sentence naming the primitive and what
 * it tried; what a RabbitMQ exception means is {@link RabbitExceptions}' business.
 */
final class SyncFailures {
    private SyncFailures() {}

    /** E.g. {@code translate("lock 'orders'", "acquire", broker, e)}. */
    static CoordinationException translate(
            String primitive, String action, String broker, Throwable e) {
        if (e instanceof CoordinationException c) {
            return c;
        }
        if (e instanceof WarrenException w) {
            return new CoordinationException(
                    primitive + ": cannot " + action + ": " + w.getMessage(), w);
        }
        Failure failure = RabbitExceptions.classify(e);
        return switch (failure.kind()) {
            case CONNECTION_CLOSED ->
                    new CoordinationException(
                            primitive
                                    + ": cannot "
                                    + action
                                    + ": the coordinator's connection to "
                                    + broker
                                    + " is closed ("
                                    + failure.reason()
                                    + "); leases and permits taken through it are lost",
                            e);
            case REFUSED ->
                    new CoordinationException(
                            primitive + ": RabbitMQ refused to " + action + ": " + failure.reason(),
                            e);
            case TIMED_OUT ->
                    new CoordinationException(
                            primitive
                                    + ": "
                                    + broker
                                    + " did not answer in time while trying to "
                                    + action,
                            e);
            case IO, CREDENTIALS_REFUSED, NOT_LISTENING, UNKNOWN_HOST ->
                    new CoordinationException(
                            primitive + ": cannot " + action + " at " + broker + ": " + e, e);
            case OTHER -> new CoordinationException(primitive + ": cannot " + action + ": " + e, e);
        };
    }

    /** "5 s", or "250 ms" when not whole seconds: for timeout messages. */
    static String humanize(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The reply code of a channel or connection close, or 0. */
    static int replyCode(Throwable e) {
        return RabbitExceptions.classify(e).replyCode();
    }
}
