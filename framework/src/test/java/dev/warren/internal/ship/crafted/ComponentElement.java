package dev.warren.internal.ship.crafted;

public record ComponentElement(int value) {}
