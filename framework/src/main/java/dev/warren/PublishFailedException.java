package dev.warren;

/**
 * A message was not accepted by the broker: refused (nack), unroutable (no such queue), or not
 * confirmed in time because the in-flight window stayed full or the broker kept publishers blocked.
 *
 * <pre>{@code
 * broker.publish(queue, envelope, true).exceptionally(e -> { log.warn("not queued: {}", e); return null; });
 * }</pre>
 */
public class PublishFailedException extends WarrenException {
    private static final long serialVersionUID = 1L;

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
