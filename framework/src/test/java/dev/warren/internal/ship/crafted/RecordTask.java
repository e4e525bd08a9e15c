package dev.warren.internal.ship.crafted;

import java.util.List;

/** A record whose one component's type is reached through the component alone. */
public record RecordTask(List<ComponentElement> elements) {}
