package dev.warren.it.tasks;

import dev.warren.TaskCatalog;

/** The test tasks, as worker processes started from the CLI jar find them on their --classpath. */
public final class ItCatalog implements TaskCatalog {
    @Override
    public void register(Registry config) {
        config.register(Echo.class, 200)
                .register(Square.class, 201)
                .register(Boom.class, 202)
                .register(Flaky.class, 203)
                .register(NotRetryable.class, 204)
                .register(Slow.class, 205)
                .register(Sleepy.class, 206)
                .register(Introspect.class, 207)
                .register(LateRetry.class, 208)
                .register(QuorumEcho.class, 209)
                .register(Record.class, 210)
                .register(SlowFirstTime.class, 211)
                .register(GuardedIncrement.class, 212)
                .register(Stubborn.class, 213)
                .register(RetryTimes.class, 214)
                .register(Overlap.class, 215)
                .register(Counted.class, 230);
    }
}
