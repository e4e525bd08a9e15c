/**
 * The README's thirty-second example, compiled and run by a test, and checked against the README.
 */
package dev.warren.examples.thirty;
