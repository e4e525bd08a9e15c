/**
 * Runnable examples, one per feature, dispatched by {@code Examples} ({@code java -jar
 * examples/target/warren-examples.jar <name>}); each is run by a test. They use only Warren's
 * public API, as users' code would.
 */
package dev.warren.examples;
