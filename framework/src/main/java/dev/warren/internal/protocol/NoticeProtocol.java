package dev.warren.internal.protocol;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.util.List;

/**
 * Refusal notices: how a worker tells a client that it refused a task before its signature
 * verified, without ever publishing to the task's unverified reply-to. A notice goes to the direct
 * exchange {@code warren.notices} ({@code warren@<namespace>.notices} in a namespace), routed by
 * the claimed reply queue's name, where only the client owning that queue binds it. It is signed
 * with the worker's current key; the client accepts it only when it echoes the signature of one of
 * its pending tasks (see {@code docs/security.md}).
 *
 * <pre>{@code
 * Envelope out = notices.notice(refused, RejectReason.BAD_SIGNATURE, "host:42", List.of("k1"));
 * NoticeProtocol.Read in = notices.read(out, "warren.reply.c1");   // verified or not
 * }</pre>
 */
public final class NoticeProtocol {
    /** The AMQP type of a refusal notice. */
    public static final String TYPE = "warren.notice.refused";

    private final MessageSealer sealer;
    private final Clock clock;

    public NoticeProtocol(MessageSealer sealer, Clock clock) {
        this.sealer = sealer;
        this.clock = clock;
    }

    /** What a notice is signed for: to tell {@code replyQueue} about message {@code messageId}. */
    public static Binding noticeFor(String messageId, String replyQueue) {
        return Binding.of(replyQueue, "refusal:" + messageId);
    }

    /**
     * The notice about {@code refused}, routed by its claimed reply-to.
     *
     * @throws IllegalArgumentException when the message names no reply queue or no id
     */
    public Envelope notice(
            Envelope refused, RejectReason reason, String worker, List<String> keyIds) {
        if (refused.replyTo() == null || refused.messageId() == null) {
            throw new IllegalArgumentException("a message without reply-to or id has no notice");
        }
        RefusalNotice notice =
                new RefusalNotice(reason.name(), worker, keyIds, refused.signature());
        return sealer.sealBytes(
                Heading.of(
                        refused.messageId(),
                        TYPE,
                        clock.millis(),
                        noticeFor(refused.messageId(), refused.replyTo())),
                notice.encode());
    }

    /**
     * A notice as read on {@code replyQueue}.
     *
     * @param verified whether it is signed with a key this process holds, for this queue and id
     * @param unverifiedBecause why it did not verify, or null
     */
    public record Read(RefusalNotice notice, boolean verified, RejectReason unverifiedBecause) {}

    /**
     * Parses a notice (size cap first) and checks its signature; one that does not verify is still
     * returned, marked so.
     *
     * @throws RejectedMessageException when it is too large or malformed
     */
    public Read read(Envelope envelope, String replyQueue) {
        RefusalNotice notice;
        try {
            notice = RefusalNotice.parse(envelope.body());
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException(
                    envelope.body().length > RefusalNotice.MAX_BYTES
                            ? RejectReason.OVERSIZED
                            : RejectReason.UNDECODABLE,
                    e.getMessage());
        }
        try {
            sealer.verify(envelope);
        } catch (RejectedMessageException e) {
            return new Read(notice, false, e.reason());
        }
        if (!TYPE.equals(envelope.type())
                || !noticeFor(envelope.messageId(), replyQueue).equals(envelope.binding())) {
            return new Read(notice, false, RejectReason.MISDIRECTED);
        }
        return new Read(notice, true, null);
    }
}
