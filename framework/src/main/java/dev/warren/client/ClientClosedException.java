package dev.warren.client;

import dev.warren.WarrenException;

/** A task's client was closed before its reply came; the task itself may still run. */
final class ClientClosedException extends WarrenException {
    private static final long serialVersionUID = 1L;

    ClientClosedException(String clientId) {
        super("TaskClient " + clientId + " was closed before the reply came");
    }
}
