package dev.warren.internal.ship;

import dev.warren.ShipOptions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The code a producer ships for one task class: what the walk found, and the bundle made of it with
 * the explicit Kryo ids of the shipped classes. The same class, options and ids give the same
 * bundle, so its hash names the bundle on every producer.
 *
 * <pre>{@code
 * TaskCode code = TaskCode.of(SumPrimes.class, config.shipOptions(), config.registrations());
 * code.bundle().hash();        // the queue is BundleSeal.address(hash)
 * code.shipment().blindspots();
 * }</pre>
 */
public record TaskCode(Shipment shipment, Bundle bundle) {
    public static TaskCode of(
            Class<?> taskClass, ShipOptions options, Map<Class<?>, Integer> explicitIds) {
        Shipment shipment =
                DependencyWalk.from(taskClass).including(options.includedFor(taskClass)).walk();
        Map<String, Integer> idsByName = new TreeMap<>();
        explicitIds.forEach((type, id) -> idsByName.put(type.getName(), id));
        return new TaskCode(shipment, Bundle.of(shipment, idsByName));
    }
}
