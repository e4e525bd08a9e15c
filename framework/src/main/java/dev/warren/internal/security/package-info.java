/**
 * HMAC-SHA256 signatures over a canonical encoding of a message's signed fields, with key ids and
 * constant-time verification. Knows nothing of the codec: nothing is decoded before it is verified.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.security;
