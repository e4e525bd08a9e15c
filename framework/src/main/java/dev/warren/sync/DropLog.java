package dev.warren.sync;

import dev.warren.internal.text.SafeText;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the coordination messages a coordinator's primitives dropped without obeying them, and
 * logs the first drop of each cause per primitive: a flood of forgeries costs one warning, not one
 * line each. The details come from the message, so they are escaped before they are logged.
 */
final class DropLog {
    private static final Logger log = LoggerFactory.getLogger(DropLog.class);
    private static final int CAUSES_REMEMBERED = 1_000;

    private final AtomicLong dropped = new AtomicLong();
    private final Set<String> logged = new HashSet<>(); // guarded by itself

    /**
     * @param cause a short fixed word, such as a {@code RejectReason} name
     * @param detail what was wrong with the message, in words the message may have chosen
     */
    void drop(String primitive, String cause, String detail) {
        dropped.incrementAndGet();
        if (firstOf(primitive + " " + cause)) {
            log.warn(
                    "{} dropped a message it cannot trust ({}): {}; further drops of this kind are"
                            + " counted (Coordinator.droppedCount()), not logged",
                    primitive,
                    cause,
                    SafeText.of(detail, 400));
        } else if (log.isTraceEnabled()) {
            log.trace("{} dropped a message ({}): {}", primitive, cause, SafeText.of(detail, 400));
        }
    }

    long count() {
        return dropped.get();
    }

    private boolean firstOf(String key) {
        synchronized (logged) {
            return logged.size() < CAUSES_REMEMBERED && logged.add(key);
        }
    }
}
