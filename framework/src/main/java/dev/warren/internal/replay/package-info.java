/**
 * The fleet's memory of taken tasks: every worker appends what it takes and settles to a log on the
 * broker (a RabbitMQ stream per work queue) and follows what the others append, so a copy of a task
 * that any worker took is refused by all of them, and by a worker that restarted.
 *
 * <p>Internal: not part of Warren's API; it may change in any release.
 */
package dev.warren.internal.replay;
