package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.Reply;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.wire.Envelope;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(TaskId id, String type, CompletableFuture<Object> future) {}

    PendingReplies(TaskProtocol protocol, String replyQueue) {
        this.protocol = protocol;
        this.replyQueue = replyQueue;
    }

    /** Starts waiting for the reply to task {@code id} of class {@code type}. */
    CompletableFuture<Object> expect(TaskId id, String type) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        pending.put(id.toString(), new Pending(id, type, future));
        return future;
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
        } else {
            call.future().completeExceptionally(failure(call, ((Reply.Failed) read)));
        }
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
