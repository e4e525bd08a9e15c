/**
 * API: starting child JVMs and {@code warren-worker} processes, waiting for their output, and
 * stopping them ({@link dev.warren.testing.process.WorkerLauncher}, {@link
 * dev.warren.testing.process.JvmLauncher}, {@link dev.warren.testing.process.JvmProcess}).
 *
 * <p>Plain Java only, no JUnit or Testcontainers types: tests use it, and so does main code that
 * starts workers, such as the examples, without a test framework on its runtime classpath.
 */
package dev.warren.testing.process;
