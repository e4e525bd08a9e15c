package dev.warren.transport;

import dev.warren.WarrenException;

/**
 * The broker cannot be reached, refused the credentials, or the connection is gone. The message
 * names the broker (without password) and says how to fix the common cases.
 *
 * <pre>{@code
 * try (Broker broker = Broker.connect(config)) { ... }
 * catch (BrokerUnavailableException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class BrokerUnavailableException extends WarrenException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
