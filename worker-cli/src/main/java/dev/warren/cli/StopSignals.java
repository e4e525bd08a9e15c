package dev.warren.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a stop request, so the worker drains and the process exits 0 (a JVM
 * shutdown hook cannot choose the exit code: the JVM would exit 143).
 */
final class StopSignals {
    private StopSignals() {}

    static void onTermination(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // this platform has no such signal; the JVM's default handling stays
            }
        }
    }
}
