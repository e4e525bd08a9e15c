package dev.warren.transport;

/**
 * What the broker says about one queue.
 *
 * <pre>{@code
 * QueueStats s = broker.topology().inspect("warren.primes");
 * System.out.println(s.ready() + " waiting, " + s.consumers() + " consumers");
 * }</pre>
 *
 * @param name the broker queue name
 * @param exists false if there is no such queue
 * @param ready messages waiting to be delivered
 * @param consumers consumers attached
 */
public record QueueStats(String name, boolean exists, int ready, int consumers) {}
