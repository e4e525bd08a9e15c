/**
 * The task protocol: {@code TaskProtocol} builds every message of the task path (task, retry,
 * success and failure replies, dead letter, resubmission) and reads replies back into a {@code
 * Reply}; {@code TaskDefinition} reads a task class's options. Used by the client, the worker and
 * the operator tools alike, so a new signed field is one change here. Needs no broker.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.protocol;
