/**
 * Warren's core API: what a task is ({@link dev.warren.Task}, {@link dev.warren.TaskOptions},
 * {@link dev.warren.TaskContext}, {@link dev.warren.TaskId}), how a process is configured ({@link
 * dev.warren.WarrenConfig}, {@link dev.warren.SigningKeys}, {@link dev.warren.TaskCatalog}), its
 * connection to RabbitMQ ({@link dev.warren.Broker}) and the exceptions every part throws (rooted
 * at {@link dev.warren.WarrenException}).
 *
 * <p>API: applications import it. It depends on no other Warren package, except that {@code Broker}
 * holds the internal link it connects.
 */
package dev.warren;
