package dev.warren.client;

import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.RefusalNotice;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectedMessageException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads refusal notices on a client's reply queue. A notice may fail a pending task early, never
 * complete one: it is accepted only when it echoes the signature this client computed for that
 * task, whether or not its own signature verifies here (a worker with other keys cannot sign in a
 * way this client verifies). Checked in the cheapest order: size, a pending task of that id, parse,
 * signature, echo. Every notice dropped is counted; the first is logged.
 */
final class RefusalNotices {
    private static final Logger log = LoggerFactory.getLogger(RefusalNotices.class);

    private final NoticeProtocol notices;
    private final String replyQueue;
    private final PendingReplies pending;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    RefusalNotices(NoticeProtocol notices, String replyQueue, PendingReplies pending) {
        this.notices = notices;
        this.replyQueue = replyQueue;
        this.pending = pending;
    }

    void onNotice(Envelope envelope) {
        String id = envelope.messageId();
        if (envelope.body().length > RefusalNotice.MAX_BYTES) {
            drop(id, "of " + envelope.body().length + " bytes, over " + RefusalNotice.MAX_BYTES);
            return;
        }
        Optional<byte[]> signature = id == null ? Optional.empty() : pending.signatureOf(id);
        if (signature.isEmpty()) {
            drop(id, "for no pending task: late, duplicate, or not ours");
            return;
        }
        NoticeProtocol.Read read;
        try {
            read = notices.read(envelope, replyQueue);
        } catch (RejectedMessageException e) {
            drop(id, e.reason() + ": " + e.getMessage());
            return;
        }
        RefusalNotice notice = read.notice();
        if (!MessageDigest.isEqual(signature.get(), notice.macEcho())) {
            drop(id, "echoing another signature than the task's");
            return;
        }
        List<String> keyIds = notice.keyIds().stream().map(SafeText::of).toList();
        pending.refuse(
                id,
                (taskId, type) ->
                        new TaskRefusedException(
                                taskId,
                                type,
                                TaskRefusedException.Reason.named(notice.reason()),
                                SafeText.of(notice.worker()),
                                read.verified(),
                                keyIds,
                                read.verified()
                                        ? null
                                        : "its notice: " + read.unverifiedBecause()));
    }

    /** Notices dropped so far. */
    long dropped() {
        return dropped.get();
    }

    private void drop(String id, String why) {
        dropped.incrementAndGet();
        if (warned.compareAndSet(false, true)) {
            log.warn(
                    "dropped a refusal notice about {} on {}, {}; further drops are counted and"
                            + " logged at debug",
                    SafeText.of(id),
                    replyQueue,
                    SafeText.of(why));
        } else {
            log.debug("dropped a refusal notice about {}: {}", SafeText.of(id), SafeText.of(why));
        }
    }
}
