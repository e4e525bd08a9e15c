/**
 * Kryo encoding with registration required: every class on the wire is allow-listed with an
 * explicit id, and decoding refuses anything else.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.codec;
