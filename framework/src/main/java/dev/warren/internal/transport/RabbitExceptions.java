package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.BrokerUnavailableException;
import dev.warren.BrokerUnavailableException.Problem;
import dev.warren.WarrenException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where RabbitMQ client exceptions are read: {@link #classify} says what happened as
 * a type, {@link #translate} turns it into a Warren exception with a useful sentence.
 */
public final class RabbitExceptions {
    private RabbitExceptions() {}

    /** What a RabbitMQ client exception means. */
    public enum Kind {
        CREDENTIALS_REFUSED,
        NOT_LISTENING,
        UNKNOWN_HOST,
        /** The connection is closed or was lost. */
        CONNECTION_CLOSED,
        /** The broker refused one operation and closed its channel (see the reply code). */
        REFUSED,
        TIMED_OUT,
        IO,
        OTHER
    }

    /** A classified failure: its kind, the AMQP reply code (0 if none) and a short reason. */
    public record Failure(Kind kind, int replyCode, String reason) {}

    public static Failure classify(Throwable e) {
        if (e instanceof AuthenticationFailureException
                || e instanceof PossibleAuthenticationFailureException) {
            return new Failure(Kind.CREDENTIALS_REFUSED, 0, String.valueOf(e.getMessage()));
        }
        if (e instanceof ConnectException) {
            return new Failure(Kind.NOT_LISTENING, 0, String.valueOf(e.getMessage()));
        }
        if (e instanceof UnknownHostException) {
            return new Failure(Kind.UNKNOWN_HOST, 0, String.valueOf(e.getMessage()));
        }
        ShutdownSignalException shutdown = shutdownOf(e);
        if (shutdown != null) {
            Kind kind =
                    shutdown.isHardError() || e instanceof AlreadyClosedException
                            ? Kind.CONNECTION_CLOSED
                            : Kind.REFUSED;
            return new Failure(kind, replyCode(shutdown), describe(shutdown));
        }
        if (e instanceof TimeoutException) {
            return new Failure(Kind.TIMED_OUT, 0, String.valueOf(e));
        }
        if (e instanceof IOException) {
            return new Failure(Kind.IO, 0, String.valueOf(e));
        }
        return new Failure(Kind.OTHER, 0, String.valueOf(e));
    }

    public static WarrenException translate(String action, String broker, Throwable e) {
        if (e instanceof WarrenException w) {
            return w;
        }
        Failure failure = classify(e);
        return switch (failure.kind()) {
            case CREDENTIALS_REFUSED ->
                    new BrokerUnavailableException(
                            "RabbitMQ at "
                                    + broker
                                    + " refused the credentials while trying to "
                                    + action
                                    + ": check the user and password in the broker URI",
                            Problem.CREDENTIALS_REFUSED,
                            e);
            case NOT_LISTENING ->
                    new BrokerUnavailableException(
                            "cannot "
                                    + action
                                    + ": nothing accepts connections at "
                                    + broker
                                    + " ("
                                    + failure.reason()
                                    + "). Is RabbitMQ running? Start it with 'rabbitmq-server -detached' or"
                                    + " 'docker compose up -d rabbitmq'",
                            Problem.UNREACHABLE,
                            e);
            case UNKNOWN_HOST ->
                    new BrokerUnavailableException(
                            "cannot " + action + ": unknown host in broker URI " + broker,
                            Problem.UNKNOWN_HOST,
                            e);
            case CONNECTION_CLOSED ->
                    new BrokerUnavailableException(
                            "cannot "
                                    + action
                                    + ": the connection to "
                                    + broker
                                    + " is closed ("
                                    + failure.reason()
                                    + ")",
                            Problem.CONNECTION_CLOSED,
                            e);
            case REFUSED ->
                    new BrokerRefusal(
                            "RabbitMQ refused to " + action + ": " + failure.reason(),
                            failure.replyCode(),
                            e);
            case TIMED_OUT, IO ->
                    new BrokerUnavailableException(
                            "cannot " + action + " at " + broker + ": " + e,
                            Problem.UNREACHABLE,
                            e);
            case OTHER -> new WarrenException("cannot " + action + ": " + e, e);
        };
    }

    public static String describe(ShutdownSignalException shutdown) {
        Object reason = shutdown.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode() + " " + close.getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyCode() + " " + close.getReplyText();
        }
        return String.valueOf(shutdown.getMessage());
    }

    private static int replyCode(ShutdownSignalException shutdown) {
        Object reason = shutdown.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return close.getReplyCode();
        }
        return 0;
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
