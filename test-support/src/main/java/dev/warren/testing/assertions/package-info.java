/**
 * AssertJ assertions for Warren: a task handle that succeeds or fails within a time, and the dead
 * letters of a queue. They need {@code org.assertj:assertj-core} on the test classpath (an optional
 * dependency of the kit).
 *
 * <p>API.
 */
package dev.warren.testing.assertions;
