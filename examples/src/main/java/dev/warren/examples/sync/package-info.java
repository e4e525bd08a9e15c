/**
 * The coordination primitives, each shown between processes: lock, semaphore, event, event channel,
 * shared map, barrier.
 */
package dev.warren.examples.sync;
