package dev.warren.internal.protocol;

import dev.warren.internal.wire.Binding;

/**
 * What a task whose code travels in a bundle is signed for: its queue, and a purpose naming the
 * bundle's hash, so the hash is covered by the task's signature.
 */
public final class ShippedTaskBinding {
    private static final String PURPOSE = "task+code:";

    private ShippedTaskBinding() {}

    /** The binding of a task on {@code queue} whose code is bundle {@code bundleHash}. */
    public static Binding on(String queue, String bundleHash) {
        return Binding.of(queue, PURPOSE + bundleHash);
    }

    /**
     * The bundle hash of a task signed as {@link #on} for {@code queue}, or null when {@code
     * binding} is anything else.
     */
    public static String bundleOf(Binding binding, String queue) {
        String purpose = binding.purpose();
        if (purpose == null || !purpose.startsWith(PURPOSE) || queue == null) {
            return null;
        }
        return queue.equals(binding.destination()) ? purpose.substring(PURPOSE.length()) : null;
    }
}
