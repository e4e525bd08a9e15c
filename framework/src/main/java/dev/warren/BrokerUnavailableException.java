package dev.warren;

/**
 * The broker cannot be reached, refused the credentials, or the connection is gone. The message
 * names the broker (without password) and says how to fix the common cases; {@link #problem()} says
 * which case it is.
 *
 * <pre>{@code
 * try (Broker broker = Broker.connect(config)) { ... }
 * catch (BrokerUnavailableException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class BrokerUnavailableException extends WarrenException {
    private static final long serialVersionUID = 1L;

    /** What kept the broker out of reach. */
    public enum Problem {
        /** Nothing accepts connections at the address, or the network is down. */
        UNREACHABLE,
        /** The host name in the broker URI does not resolve. */
        UNKNOWN_HOST,
        /** RabbitMQ refused the user or password. */
        CREDENTIALS_REFUSED,
        /** The connection was closed or lost while in use. */
        CONNECTION_CLOSED,
        /** The broker did not answer, or kept publishes unconfirmed, for too long. */
        OVERLOADED;

        /** Whether trying again later may work; a wrong password or host never heals itself. */
        public boolean isTransient() {
            return this != UNKNOWN_HOST && this != CREDENTIALS_REFUSED;
        }
    }

    private final Problem problem;

    public BrokerUnavailableException(String message, Problem problem, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
