/**
 * Parallel Python's sum-of-primes example: the task, and the program that times it on two workers
 * against one process.
 */
package dev.warren.examples.primes;
