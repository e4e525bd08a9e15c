package dev.warren.sync;

import dev.warren.internal.wire.Binding;

/**
 * The broker names of one distributed queue and what its messages are signed for: the items queue
 * {@code warren.sync.queue.<name>}, the unfinished markers {@code ...#unfinished} (one per item put
 * and not yet marked done), the free slots {@code ...#slots} of a bounded queue, and {@code
 * ...#bound}, an empty queue whose {@code x-max-length} records the bound the queue was made with
 * (0: none), so that the broker refuses a process that opens it with another bound.
 */
record QueueAddresses(String name, String items) {
    private static final String KIND = "queue";

    static QueueAddresses of(String namespace, String name) {
        return new QueueAddresses(name, SyncNames.base(namespace, KIND, name));
    }

    String primitive() {
        return SyncNames.describe(KIND, name);
    }

    String unfinished() {
        return SyncNames.part(items, "unfinished");
    }

    String slots() {
        return SyncNames.part(items, "slots");
    }

    String bound() {
        return SyncNames.part(items, "bound");
    }

    Binding item() {
        return Binding.of(items, "queue-item:" + name);
    }

    Binding marker() {
        return Binding.of(unfinished(), "queue-unfinished:" + name);
    }

    Binding slot() {
        return Binding.of(slots(), "queue-slot:" + name);
    }

    /** Every queue it may have on the broker, for delete. */
    String[] all() {
        return new String[] {SyncNames.readyMarker(slots()), slots(), unfinished(), items, bound()};
    }
}
