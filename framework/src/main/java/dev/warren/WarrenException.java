package dev.warren;

/**
 * The root of every exception Warren throws. Unchecked: callers catch the subclass that names what
 * went wrong, or this type to catch everything from Warren.
 *
 * <pre>{@code
 * try { client.submit(task).result().join(); }
 * catch (CompletionException e) { if (e.getCause() instanceof WarrenException w) log.warn(w.getMessage()); }
 * }</pre>
 */
public class WarrenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WarrenException(String message) {
        super(message);
    }

    public WarrenException(String message, Throwable cause) {
        super(message, cause);
    }
}
