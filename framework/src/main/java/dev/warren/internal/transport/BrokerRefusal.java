package dev.warren.internal.transport;

import dev.warren.WarrenException;

/**
 * RabbitMQ refused one operation and closed its channel, with an AMQP reply code: 404 for a queue
 * that does not exist, 406 for a queue declared with other arguments, 403 for access refused.
 */
public final class BrokerRefusal extends WarrenException {
    private static final long serialVersionUID = 1L;
    private static final int NOT_FOUND = 404;

    private final int replyCode;

    BrokerRefusal(String message, int replyCode, Throwable cause) {
        super(message, cause);
        this.replyCode = replyCode;
    }

    public int replyCode() {
        return replyCode;
    }

    public boolean isNotFound() {
        return replyCode == NOT_FOUND;
    }

    /** Declared before with other arguments. */
    public boolean isPreconditionFailed() {
        return replyCode == 406;
    }
}
