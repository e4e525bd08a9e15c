/**
 * Fixtures only the integration tests need, on top of {@code warren-test-support}: hand-made
 * messages built from Warren's internal wire types, and worker processes with the test classes. Not
 * API.
 */
package dev.warren.it.support;
