/**
 * The coordination primitives, each shown between processes: lock, semaphore, event, event channel,
 * shared map.
 */
package dev.warren.examples.sync;
