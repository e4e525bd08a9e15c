package dev.warren.it.ship;

/** Named only in a string by the test. */
public final class OnlyNamedInAString {}
