package dev.warren;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of one submission: a random UUID, carried as the AMQP message id and correlation id.
 *
 * <pre>{@code
 * TaskId id = client.enqueue(new Resize("img-1"));
 * log.info("queued {}", id);
 * }</pre>
 */
public record TaskId(UUID value) {
    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    /**
     * Parses the text form; throws {@link IllegalArgumentException} naming the text if it is no
     * UUID.
     */
    public static TaskId parse(String text) {
        try {
            return new TaskId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a task id (UUID expected): " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
