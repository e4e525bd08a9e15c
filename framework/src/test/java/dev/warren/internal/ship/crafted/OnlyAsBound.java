package dev.warren.internal.ship.crafted;

public class OnlyAsBound {}
