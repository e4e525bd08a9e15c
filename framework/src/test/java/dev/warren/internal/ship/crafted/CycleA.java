package dev.warren.internal.ship.crafted;

public final class CycleA {
    CycleB other;
}
