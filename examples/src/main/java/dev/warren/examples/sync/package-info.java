/**
 * The coordination primitives, each shown between processes: lock, semaphore, event, event channel,
 * shared map, queue, reentrant lock, shared-map listener, barrier.
 */
package dev.warren.examples.sync;
