package dev.warren.transport;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.WarrenException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where RabbitMQ client exceptions become Warren exceptions with a useful sentence.
 */
final class RabbitExceptions {
    private RabbitExceptions() {}

    static WarrenException translate(String action, String broker, Throwable e) {
        if (e instanceof WarrenException w) {
            return w;
        }
        if (e instanceof AuthenticationFailureException
                || e instanceof PossibleAuthenticationFailureException) {
            return new BrokerUnavailableException(
                    "RabbitMQ at "
                            + broker
                            + " refused the credentials while trying to "
                            + action
                            + ": check the user and password in the broker URI",
                    e);
        }
        if (e instanceof ConnectException) {
            return new BrokerUnavailableException(
                    "cannot "
                            + action
                            + ": nothing accepts connections at "
                            + broker
                            + " ("
                            + e.getMessage()
                            + "). Is RabbitMQ running? Start it with 'rabbitmq-server -detached' or"
                            + " 'docker compose up -d rabbitmq'",
                    e);
        }
        if (e instanceof UnknownHostException) {
            return new BrokerUnavailableException(
                    "cannot " + action + ": unknown host in broker URI " + broker, e);
        }
        ShutdownSignalException shutdown = shutdownOf(e);
        if (shutdown != null) {
            String reason = describe(shutdown);
            if (!shutdown.isHardError()
                    && !(e instanceof AlreadyClosedException)
                    && reason.contains("PRECONDITION_FAILED")) {
                return new WarrenException("RabbitMQ refused to " + action + ": " + reason, e);
            }
            if (shutdown.isHardError() || e instanceof AlreadyClosedException) {
                return new BrokerUnavailableException(
                        "cannot "
                                + action
                                + ": the connection to "
                                + broker
                                + " is closed ("
                                + reason
                                + ")",
                        e);
            }
            return new WarrenException("RabbitMQ refused to " + action + ": " + reason, e);
        }
        if (e instanceof TimeoutException || e instanceof IOException) {
            return new BrokerUnavailableException(
                    "cannot " + action + " at " + broker + ": " + e, e);
        }
        return new WarrenException("cannot " + action + ": " + e, e);
    }

    static String describe(ShutdownSignalException shutdown) {
        Object reason = shutdown.getReason();
        if (reason instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
            return close.getReplyCode() + " " + close.getReplyText();
        }
        if (reason instanceof com.rabbitmq.client.AMQP.Connection.Close close) {
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
