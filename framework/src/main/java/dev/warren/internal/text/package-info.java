/**
 * Text from outside, made fit for a log line or a terminal: {@code SafeText} escapes control
 * characters and truncates, so a message id or type chosen by whoever can publish cannot forge log
 * lines or move a terminal's cursor.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.text;
