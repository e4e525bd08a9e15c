package dev.warren.spring;

import dev.warren.Broker;
import dev.warren.sync.Coordinator;
import dev.warren.worker.Worker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Actuator's {@code warren} health: UP while the broker connections are open, the configured worker
 * consumes, and the coordinator (if any) holds its connection; DOWN with the reason otherwise.
 *
 * <pre>{@code
 * GET /actuator/health/warren
 * {"status":"DOWN","details":{"broker":"amqp://app:***@rabbit:5672","reason":"the connections to ... are down; they recover by themselves"}}
 * }</pre>
 */
public class WarrenHealthIndicator extends AbstractHealthIndicator {
    private final Broker broker;
    private final ObjectProvider<WarrenWorkers> workers;
    private final ObjectProvider<Coordinator> coordinator;

    public WarrenHealthIndicator(
            Broker broker,
            ObjectProvider<WarrenWorkers> workers,
            ObjectProvider<Coordinator> coordinator) {
        super("Warren health check failed");
        this.broker = broker;
        this.workers = workers;
        this.coordinator = coordinator;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        String address = broker.config().brokerAddressForHumans();
        health.withDetail("broker", address);
        String reason = null;
        WarrenWorkers configured = workers.getIfAvailable();
        if (configured != null && configured.config().isPresent()) {
            health.withDetail("queues", configured.config().get().queues());
            Worker worker = configured.worker().orElse(null);
            if (worker == null) {
                reason = "the worker for " + configured.config().get().queues() + " is not running";
            } else {
                health.withDetail("tasks", worker.stats());
                if (worker.failure().isPresent()) {
                    reason = worker.failure().get().getMessage();
                }
            }
        }
        Coordinator sync = coordinator.getIfAvailable();
        if (sync != null && !sync.isOpen()) {
            reason =
                    "the coordinator's connection to "
                            + address
                            + " was lost, and with it every lock and permit taken through it;"
                            + " it connects again by itself when the broker is back";
        }
        if (!broker.isConnected()) {
            reason =
                    "the connections to "
                            + address
                            + " are down; they recover by themselves when the broker is back";
        }
        if (reason == null) {
            health.up();
        } else {
            health.down().withDetail("reason", reason);
        }
    }
}
