/**
 * What operator tools read and do: dead letters ({@link dev.warren.ops.DeadLetters}), the fleet's
 * heartbeats ({@link dev.warren.ops.WorkerRoster}, {@link dev.warren.ops.WorkerHeartbeat}) and
 * queue depths ({@link dev.warren.ops.QueueStats}). {@code warren-worker status}, {@code
 * dead-letters} and the dashboard are built on it.
 *
 * <p>API, for operator tooling. Depends on neither the client nor the worker.
 */
package dev.warren.ops;
