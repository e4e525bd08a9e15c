package dev.warren.internal.ship.crafted;

/** An inner class, a static nested one and an anonymous one, each reaching its own class. */
public final class NestingTask {
    final class Inner {
        Object made() {
            return new OnlyInInner();
        }
    }

    public static final class Nested {}

    Runnable anonymous() {
        return new Runnable() {
            @Override
            public void run() {
                new OnlyInAnonymous();
            }
        };
    }
}
