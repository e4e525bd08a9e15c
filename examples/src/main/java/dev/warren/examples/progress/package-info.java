/** A {@code map} with a progress bar drawn from its progress callback. */
package dev.warren.examples.progress;
