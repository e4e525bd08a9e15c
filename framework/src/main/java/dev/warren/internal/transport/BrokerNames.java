package dev.warren.internal.transport;

import dev.warren.internal.protocol.TaskDefinition;
import java.time.Duration;

/**
 * Every broker name Warren derives, in one namespace: work, delay, dead-letter and taken-log queues
 * of a logical queue, reply queues, the heartbeat exchange and the root of the coordination
 * primitives. Nothing else builds a broker name, so a namespace isolates all of them.
 *
 * <p>The rule: a name's root is everything before its first dot, {@code warren} without a namespace
 * and {@code warren@acme} in namespace {@code acme}. A namespace holds no dot and no {@code @}
 * ({@code WarrenConfig.Builder.namespace} checks it), and a queue name no {@code @}, so {@code
 * warren@acme.images} can only be queue {@code images} of namespace {@code acme}, while {@code
 * warren.acme.images} is queue {@code acme.images} without a namespace.
 *
 * <pre>{@code
 * BrokerNames names = BrokerNames.of("acme");
 * names.workQueue("images");       // "warren@acme.images"
 * names.deadLetterQueue("images"); // "warren@acme.images.dead"
 * }</pre>
 *
 * @param namespace as {@code WarrenConfig.namespace()} gives it: checked, empty for none
 */
public record BrokerNames(String namespace) {
    /** The names without a namespace. */
    public static final BrokerNames DEFAULT = new BrokerNames("");

    public static BrokerNames of(String namespace) {
        return namespace.isEmpty() ? DEFAULT : new BrokerNames(namespace);
    }

    /** {@code warren} or {@code warren@<namespace>}: what every name here starts with. */
    public String root() {
        return namespace.isEmpty() ? "warren" : "warren@" + namespace;
    }

    public String workQueue(String queue) {
        return root() + "." + TaskDefinition.checkQueueName(queue);
    }

    public String deadLetterQueue(String queue) {
        return workQueue(queue) + ".dead";
    }

    public String delayQueue(String queue, Duration delay) {
        return workQueue(queue) + ".delay." + delay.toMillis();
    }

    public String takenLog(String queue) {
        return workQueue(queue) + ".taken";
    }

    public String replyQueue(String clientId) {
        return root() + ".reply." + clientId;
    }

    /** The fanout exchange workers announce themselves on. */
    public String heartbeats() {
        return root() + ".heartbeats";
    }

    /** The direct exchange of refusal notices, routed by reply-queue name. */
    public String notices() {
        return root() + ".notices";
    }

    /** What every coordination primitive's queues and exchanges start with. */
    public String syncPrefix() {
        return root() + ".sync.";
    }
}
