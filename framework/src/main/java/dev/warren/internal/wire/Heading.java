package dev.warren.internal.wire;

/**
 * The signed fields of a message besides its body: what {@link MessageSealer#seal} is told.
 *
 * @param messageId the task id, or the id of the message
 * @param type the task class name, or a message kind such as {@link Headers#REPLY_SUCCEEDED}
 * @param timestamp milliseconds since the epoch when the message is due
 * @param replyTo reply queue, or null
 * @param attempt attempt number from 1
 * @param binding where it goes and what it is for there
 */
public record Heading(
        String messageId,
        String type,
        long timestamp,
        String replyTo,
        int attempt,
        Binding binding) {

    /** A message that wants no reply and is not a retry: announcements, coordination messages. */
    public static Heading of(String messageId, String type, long timestamp, Binding binding) {
        return new Heading(messageId, type, timestamp, null, 1, binding);
    }
}
