package dev.warren.it.ship;

/** A result type of the shipped code: the worker has no such class until the bundle brings it. */
public record PrimeReport(long sum, int count) {}
