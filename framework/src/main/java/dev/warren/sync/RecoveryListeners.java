package dev.warren.sync;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What starts again once the coordinator has a new connection: a map's owner candidacy, a
 * subscription, an application's own callback. Each runs on a coordinator thread; one that fails is
 * logged and does not stop the others.
 */
final class RecoveryListeners {
    private static final Logger log = LoggerFactory.getLogger(RecoveryListeners.class);

    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<Runnable> runner;

    /**
     * @param runner runs each listener away from the reconnecting thread
     */
    RecoveryListeners(Consumer<Runnable> runner) {
        this.runner = runner;
    }

    void add(Runnable listener) {
        listeners.add(listener);
    }

    void remove(Runnable listener) {
        listeners.remove(listener);
    }

    int size() {
        return listeners.size();
    }

    void fire() {
        for (Runnable listener : listeners) {
            runner.accept(
                    () -> {
                        try {
                            listener.run();
                        } catch (RuntimeException e) {
                            log.warn(
                                    "coordination: restarting after a reconnect failed: {}",
                                    e.getMessage());
                        }
                    });
        }
    }
}
