package dev.warren.internal.ship.crafted;

/** Reaches an annotation and a class named only as the annotation's value. */
@Marker(OnlyAsAnnotationValue.class)
public final class AnnotatedTask {}
