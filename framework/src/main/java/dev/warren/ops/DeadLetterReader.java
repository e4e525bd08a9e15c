package dev.warren.ops;

import dev.warren.internal.protocol.DeadLetterRecord;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerNames;
import dev.warren.internal.transport.HeldMessages.Held;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a held dead letter into a {@link DeadLetter}: from the worker's signed record when its seal
 * verifies, else from the unsigned headers, marked as unverified. Decodes nothing unverified.
 */
final class DeadLetterReader {
    private final TaskProtocol protocol;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final BrokerNames names;

    DeadLetterReader(
            TaskProtocol protocol,
            Clock clock,
            Duration maxAge,
            Duration maxSkew,
            BrokerNames names) {
        this.protocol = protocol;
        this.names = names;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxSkew = maxSkew;
    }

    /**
     * A dead letter as read, with its signed record when that verified (else null), and the last
     * error's whole stack trace as the letter carries it (signed or not), or empty.
     */
    record Read(DeadLetter letter, DeadLetterRecord record, String lastError) {}

    Read read(Held message, String queue) {
        Envelope envelope = message.envelope();
        DeadLetterRecord record;
        try {
            record = protocol.openDeadLetter(envelope, queue, names.deadLetterQueue(queue));
        } catch (RejectedMessageException e) {
            String lastError = envelope.annotations().get(Headers.LAST_ERROR);
            return new Read(
                    unverified(message, e.reason() + ": " + e.getMessage()),
                    null,
                    lastError == null ? "" : lastError);
        }
        DeadLetter sealed =
                new DeadLetter(
                        record.originalId() == null ? envelope.messageId() : record.originalId(),
                        record.originalType(),
                        record.originalAttempt(),
                        record.reason(),
                        record.detail(),
                        firstLine(record.lastError()),
                        record.deadAt(),
                        null,
                        record.contentVerified(),
                        record.worker(),
                        null);
        String refusal =
                RetryRules.refusal(sealed, record.keepsBody(), clock.millis(), maxAge, maxSkew);
        return new Read(
                withRefusal(sealed, refusal),
                record,
                record.lastError() == null ? "" : record.lastError());
    }

    private DeadLetter unverified(Held message, String problem) {
        Envelope envelope = message.envelope();
        Map<String, String> notes = envelope.annotations();
        String reason = notes.get(Headers.DEAD_REASON);
        if (reason == null) {
            reason = "broker:" + message.brokerReason();
        }
        long deadAt = 0;
        try {
            deadAt = Long.parseLong(notes.getOrDefault(Headers.DEAD_AT, "0"));
        } catch (NumberFormatException e) {
            // not a number: unknown
        }
        DeadLetter letter =
                new DeadLetter(
                        envelope.messageId(),
                        envelope.type(),
                        envelope.attempt(),
                        reason,
                        notes.getOrDefault(Headers.DEAD_DETAIL, ""),
                        firstLine(notes.get(Headers.LAST_ERROR)),
                        deadAt,
                        problem,
                        false,
                        null,
                        null);
        return withRefusal(
                letter, RetryRules.refusal(letter, false, clock.millis(), maxAge, maxSkew));
    }

    private static DeadLetter withRefusal(DeadLetter d, String refusal) {
        return new DeadLetter(
                d.id(),
                d.type(),
                d.attempt(),
                d.reason(),
                d.detail(),
                d.lastErrorLine(),
                d.deadAt(),
                d.signatureProblem(),
                d.contentVerified(),
                d.worker(),
                refusal);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
