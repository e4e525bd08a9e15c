/**
 * {@code warren-worker}: the worker process and the operator commands (status, dead letters,
 * dashboard, metrics, keygen), as picocli commands.
 *
 * <p>Not a library API: its contract is the command line, documented in {@code docs/operating.md}.
 */
package dev.warren.cli;
