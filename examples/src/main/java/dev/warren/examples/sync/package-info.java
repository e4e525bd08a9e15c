/**
 * The coordination primitives, each shown between processes: lock, semaphore, event, event channel,
 * shared map, shared-map listener.
 */
package dev.warren.examples.sync;
