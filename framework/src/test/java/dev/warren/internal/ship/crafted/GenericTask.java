package dev.warren.internal.ship.crafted;

import java.util.List;
import java.util.Map;

/** Names two classes only as type arguments, which live in generic signatures alone. */
public final class GenericTask {
    List<OnlyAsTypeArgument> items;

    <T extends OnlyAsBound> Map<String, T> index() {
        return Map.of();
    }
}
