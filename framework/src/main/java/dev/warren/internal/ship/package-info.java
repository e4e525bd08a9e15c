/**
 * Shipping a task's code with the task: the dependency walk that reads bytecode (ASM) from the task
 * class to find what it needs and what a worker lacks ({@code DependencyWalk}), the bundle of class
 * files and resources, content-addressed and signed ({@code Bundle}, {@code BundleSeal}), and the
 * worker's side: a class loader per verified bundle and a disk cache by hash ({@code BundleCache}).
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.ship;
