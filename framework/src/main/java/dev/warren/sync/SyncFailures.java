package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.WarrenException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The one place in {@code sync} where RabbitMQ exceptions become {@link CoordinationException}s
 * with a sentence naming the primitive and what it tried.
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
        ShutdownSignalException shutdown = shutdownOf(e);
        if (shutdown != null) {
            String reason = describe(shutdown);
            if (shutdown.isHardError() || e instanceof AlreadyClosedException) {
                return new CoordinationException(
                        primitive
                                + ": cannot "
                                + action
                                + ": the coordinator's connection to "
                                + broker
                                + " is closed ("
                                + reason
                                + "); leases and permits taken through it are lost",
                        e);
            }
            return new CoordinationException(
                    primitive + ": RabbitMQ refused to " + action + ": " + reason, e);
        }
        if (e instanceof TimeoutException) {
            return new CoordinationException(
                    primitive + ": " + broker + " did not answer in time while trying to " + action,
                    e);
        }
        if (e instanceof IOException) {
            return new CoordinationException(
                    primitive + ": cannot " + action + " at " + broker + ": " + e, e);
        }
        return new CoordinationException(primitive + ": cannot " + action + ": " + e, e);
    }

    /** The reply code of a channel or connection close, or 0. */
    static int replyCode(Throwable e) {
        ShutdownSignalException shutdown = shutdownOf(e);
        if (shutdown == null) {
            return 0;
        }
        Object reason = shutdown.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyCode();
        }
        return 0;
    }

    static String describe(ShutdownSignalException shutdown) {
        Object reason = shutdown.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode() + " " + close.getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyCode() + " " + close.getReplyText();
        }
        return String.valueOf(shutdown.getMessage());
    }

    private static ShutdownSignalException shutdownOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s;
            }
        }
        return null;
    }
}
