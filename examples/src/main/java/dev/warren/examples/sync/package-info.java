/**
 * The coordination primitives, each shown between processes: lock, semaphore, event, event channel,
 * shared map, reentrant lock.
 */
package dev.warren.examples.sync;
