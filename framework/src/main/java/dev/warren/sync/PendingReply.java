package dev.warren.sync;

import java.util.concurrent.CompletableFuture;

/**
 * The one request a shared-map client waits for, by sequence number: a reply completes it only if
 * it answers that very request, so late duplicates of older requests fall through.
 */
final class PendingReply {
    private record Waiting(long seq, CompletableFuture<MapWire.Reply> reply) {}

    private volatile Waiting waiting;

    /** From now on, only a reply to {@code seq} is taken; it completes the returned future. */
    CompletableFuture<MapWire.Reply> expect(long seq) {
        Waiting next = new Waiting(seq, new CompletableFuture<>());
        waiting = next;
        return next.reply();
    }

    /** Whether {@code reply} answered the request waited for. */
    boolean offer(MapWire.Reply reply) {
        Waiting current = waiting;
        return current != null && current.seq() == reply.seq() && current.reply().complete(reply);
    }

    /** The reply can no longer come: the request waited for fails with {@code cause}. */
    void fail(Throwable cause) {
        Waiting current = waiting;
        if (current != null) {
            current.reply().completeExceptionally(cause);
        }
    }

    void stopWaiting() {
        waiting = null;
    }
}
