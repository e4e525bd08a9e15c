/**
 * Kryo encoding with registration required: every class on the wire is allow-listed, with an id
 * derived from its name ({@code TypeIds}) or given explicitly, and decoding refuses anything else.
 * {@code TaskTypes} admits task classes with their closures; Warren's JDK set has fixed ids.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.codec;
