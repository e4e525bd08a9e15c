package dev.warren.internal.ship.crafted;

import java.util.ServiceLoader;

/** Looks classes up in the three ways a walk cannot follow. */
public final class LookupTask {
    Object byConstant() throws ReflectiveOperationException {
        return Class.forName("dev.warren.internal.ship.crafted.NamedOnlyInString");
    }

    Object byComputed(String suffix) throws ReflectiveOperationException {
        return Class.forName("dev.warren." + suffix);
    }

    Object services() {
        return ServiceLoader.load(Runnable.class).findFirst();
    }
}
