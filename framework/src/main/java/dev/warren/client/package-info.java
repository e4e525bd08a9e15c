/**
 * Submitting tasks and getting their results: {@link dev.warren.client.TaskClient} ({@code submit},
 * {@code enqueue}, {@code map}, to another queue with {@link dev.warren.client.SubmitOptions}),
 * {@link dev.warren.client.EagerClient} (tasks run in the calling process, for unit tests), {@link
 * dev.warren.client.TaskHandle} and the failures a caller sees ({@link
 * dev.warren.client.TaskFailedException}, {@link dev.warren.client.TaskRefusedException}, {@link
 * dev.warren.client.TaskTimeoutException}), and the refusal notices that fail a pending task early.
 *
 * <p>API. Never depends on {@code dev.warren.worker}; what both need is the task protocol in {@code
 * dev.warren.internal.protocol}.
 */
package dev.warren.client;
