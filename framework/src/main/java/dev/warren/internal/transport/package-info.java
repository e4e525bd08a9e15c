/**
 * RabbitMQ itself: connections ({@code Connections}), the link a {@code Broker} holds ({@code
 * BrokerLink}), publishing with asynchronous confirms in a bounded window, push consumers with
 * batched acknowledgements, queue topology, and the one reading of RabbitMQ's exceptions ({@code
 * RabbitExceptions}).
 *
 * <p>Internal: free to change; applications and examples never import it. The only package besides
 * {@code dev.warren.sync} that touches the RabbitMQ client.
 */
package dev.warren.internal.transport;
