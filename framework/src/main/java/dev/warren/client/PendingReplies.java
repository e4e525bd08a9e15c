package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.Reply;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskRefusal;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.wire.Envelope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks a client waits for, and what their replies do. Each future completes once: a late,
 * duplicate or foreign reply finds nothing to complete, and a message that is not a verified reply
 * for a pending task is dropped without touching its future.
 */
final class PendingReplies {
    private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);

    private final TaskProtocol protocol;
    private final String replyQueue;
    private final RefusalNotices notices;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(
            TaskId id,
            String type,
            CompletableFuture<Object> future,
            AtomicReference<byte[]> signature) {}

    PendingReplies(TaskProtocol protocol, NoticeProtocol notices, String replyQueue) {
        this.protocol = protocol;
        this.replyQueue = replyQueue;
        this.notices = new RefusalNotices(notices, replyQueue, this);
    }

    /** Starts waiting for the reply to task {@code id} of class {@code type}. */
    CompletableFuture<Object> expect(TaskId id, String type) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        pending.put(id.toString(), new Pending(id, type, future, new AtomicReference<>()));
        return future;
    }

    /** The task was sealed with {@code signature}: a refusal notice must echo it. */
    void signed(TaskId id, byte[] signature) {
        Pending call = pending.get(id.toString());
        if (call != null && signature != null) {
            call.signature().set(signature.clone());
        }
    }

    /** The signature of pending task {@code id}, once sealed. */
    Optional<byte[]> signatureOf(String id) {
        Pending call = pending.get(id);
        return call == null ? Optional.empty() : Optional.ofNullable(call.signature().get());
    }

    /** A worker refused pending task {@code id}: fail its future with what {@code why} makes. */
    void refuse(String id, BiFunction<TaskId, String, ? extends Throwable> why) {
        Pending call = pending.remove(id);
        if (call != null) {
            call.future().completeExceptionally(why.apply(call.id(), call.type()));
        }
    }

    /** The task never reached the broker: stop waiting and fail its future with {@code why}. */
    void abandon(TaskId id, Throwable why) {
        Pending call = pending.remove(id.toString());
        if (call != null) {
            call.future().completeExceptionally(why);
        }
    }

    /** Reads one message from the reply queue. */
    void onReply(Envelope reply) {
        if (NoticeProtocol.TYPE.equals(reply.type())) {
            notices.onNotice(reply);
            return;
        }
        String id = reply.messageId();
        Pending call = id == null ? null : pending.get(id);
        if (call == null) {
            log.trace(
                    "ignoring a reply for task {}: late, duplicate, or not ours", SafeText.of(id));
            return;
        }
        Reply read = protocol.readReply(reply, id, replyQueue);
        if (read instanceof Reply.NotForThisTask not) {
            log.warn("refused a message on {}: {}", replyQueue, SafeText.of(not.why()));
            return;
        }
        if (!pending.remove(id, call)) {
            return;
        }
        if (read instanceof Reply.Succeeded succeeded) {
            call.future().complete(succeeded.value());
        } else if (read instanceof Reply.Refused refused) {
            call.future().completeExceptionally(refusal(call, refused.refusal()));
        } else {
            call.future().completeExceptionally(failure(call, ((Reply.Failed) read)));
        }
    }

    private static TaskRefusedException refusal(Pending call, TaskRefusal refusal) {
        return new TaskRefusedException(
                call.id(),
                call.type(),
                TaskRefusedException.Reason.named(refusal.reason()),
                SafeText.of(refusal.worker()),
                true,
                List.of(),
                SafeText.of(refusal.detail()));
    }

    /** Refusal notices dropped so far. */
    long droppedNotices() {
        return notices.dropped();
    }

    private static TaskFailedException failure(Pending call, Reply.Failed failed) {
        var f = failed.failure();
        return new TaskFailedException(
                call.id(),
                call.type(),
                f.exceptionType(),
                f.message(),
                f.stackTrace(),
                f.attempt(),
                f.maxAttempts());
    }

    int size() {
        return pending.size();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Fails every future still waiting with {@code why}. */
    void abandonAll(WarrenException why) {
        pending.values().forEach(call -> call.future().completeExceptionally(why));
        pending.clear();
    }
}
