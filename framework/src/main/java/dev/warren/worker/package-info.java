/**
 * Running tasks: {@link dev.warren.worker.Worker} consumes task queues with {@link
 * dev.warren.worker.WorkerConfig}. Inside, each delivery goes through admission, a timed run, a
 * pure decision ({@code OutcomeRules}) and its effects, with the broker behind a small port so that
 * every decision is unit-tested without one.
 *
 * <p>API: {@code Worker}, {@code WorkerConfig}, {@code Worker.Stats}; the rest is package-private.
 * Never depends on {@code dev.warren.client}.
 */
package dev.warren.worker;
