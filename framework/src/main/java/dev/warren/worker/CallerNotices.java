package dev.warren.worker;

import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskRefusal;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.wire.Envelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the caller of a refused task why, as {@link RefusalRules} decide: a signed refusal reply to
 * its verified reply-to, or a notice to the notice exchange for an unverified one. Never fails: the
 * dead letter is the record, telling is a courtesy.
 */
final class CallerNotices {
    private static final Logger log = LoggerFactory.getLogger(CallerNotices.class);
    private static final int MAX_DETAIL = 1_000;

    private final WorkerPort port;
    private final TaskProtocol protocol;
    private final NoticeProtocol notices;
    private final String worker;
    private final List<String> keyIds;

    CallerNotices(
            WorkerPort port,
            TaskProtocol protocol,
            NoticeProtocol notices,
            String worker,
            List<String> keyIds) {
        this.port = port;
        this.protocol = protocol;
        this.notices = notices;
        this.worker = worker;
        this.keyIds = List.copyOf(keyIds);
    }

    /** Completes, normally, once what the refusal calls for is confirmed or has failed. */
    CompletableFuture<Void> tell(Envelope message, Decision.Refuse refusal) {
        CompletableFuture<Void> told;
        try {
            told =
                    switch (RefusalRules.recipient(
                            refusal.reason(), refusal.contentVerified(), message.replyTo())) {
                        case NOBODY -> CompletableFuture.completedFuture(null);
                        case CALLER ->
                                port.publish(
                                        message.replyTo(),
                                        protocol.refusal(
                                                message,
                                                new TaskRefusal(
                                                        refusal.reason().name(),
                                                        cut(refusal.detail()),
                                                        worker)),
                                        false);
                        case NOTICE_EXCHANGE ->
                                port.publishNotice(
                                        message.replyTo(),
                                        notices.notice(message, refusal.reason(), worker, keyIds));
                    };
        } catch (RuntimeException e) {
            told = CompletableFuture.failedFuture(e);
        }
        return told.exceptionally(
                error -> {
                    log.warn(
                            "could not tell the caller of {} that it was refused: {}",
                            SafeText.of(message.messageId()),
                            error.toString());
                    return null;
                });
    }

    /** The client escapes what it shows; here the detail only has to stay small. */
    private static String cut(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }
}
