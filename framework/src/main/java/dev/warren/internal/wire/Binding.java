package dev.warren.internal.wire;

/**
 * Where a message was sent and what it is for there, both signed: a task signed for one queue is
 * refused on another, a reply answers one task, an event belongs to one channel.
 *
 * <pre>{@code
 * Binding.of("primes", "task");
 * Binding.of("warren.reply.c1", "reply:" + taskId);
 * }</pre>
 *
 * @param destination a logical queue, a broker queue or an exchange, as its kind of message says
 * @param purpose what the message is there, such as {@code task}, {@code reply:<task id>}
 */
public record Binding(String destination, String purpose) {

    public static Binding of(String destination, String purpose) {
        return new Binding(destination, purpose);
    }
}
