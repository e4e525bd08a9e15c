/**
 * A Warren message as it travels, without RabbitMQ types: the {@code Envelope}, its AMQP header
 * names ({@code Headers}), and {@code MessageSealer}, which seals a {@code Heading} and a payload
 * and opens messages in the safe order (size cap, version, signature, then decoding), refusing with
 * a {@code RejectReason}.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.wire;
