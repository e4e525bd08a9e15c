/**
 * When to try again: {@code Backoff}, the schedule of pauses that double up to a most, shared by
 * the coordinator's reconnects and the worker's publishes of an outcome. Pure computation; it waits
 * for nothing itself.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.retry;
