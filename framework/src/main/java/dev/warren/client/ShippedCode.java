package dev.warren.client;

import dev.warren.ShipOptions;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.ship.Blindspot;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.internal.ship.Shipment;
import dev.warren.internal.ship.SignedBundle;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BundleShelf;
import dev.warren.internal.wire.Headers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer's shipped code: on the first submit of a task class, the dependency walk, the bundle
 * signed with the code keys and put on the broker once; after that, the bundle's hash from memory.
 * What the walk could not follow is logged once per class as a warning with its fix.
 */
final class ShippedCode {
    private static final Logger log = LoggerFactory.getLogger(ShippedCode.class);

    private final ShipOptions options;
    private final BundleSeal seal;
    private final BundleShelf shelf;
    private final Map<Class<?>, String> hashes = new ConcurrentHashMap<>();

    private ShippedCode(ShipOptions options, BundleSeal seal, BundleShelf shelf) {
        this.options = options;
        this.seal = seal;
        this.shelf = shelf;
    }

    /** The shipped code of a producer whose configuration turns shipping on, else null. */
    static ShippedCode of(BrokerLink broker) {
        ShipOptions options = broker.config().shipOptions();
        if (!options.enabled()) {
            return null;
        }
        BundleSeal seal =
                new BundleSeal(
                        HmacSigner.of(options.codeKeys().orElse(broker.config().signingKeys())),
                        options.maxBundleBytes());
        return new ShippedCode(options, seal, broker.bundles());
    }

    /** The hash of the bundle of {@code taskClass}, walked, sealed and put on the broker once. */
    String bundleOf(Class<?> taskClass) {
        return hashes.computeIfAbsent(taskClass, this::ship);
    }

    /**
     * Puts the bundle of {@code taskClass} on the broker again, for a worker that found it missing
     * (its queue expired or was deleted); a bundle that is there already is left as it is.
     */
    void putAgain(Class<?> taskClass) {
        hashes.put(taskClass, ship(taskClass));
    }

    private String ship(Class<?> taskClass) {
        Shipment shipment = DependencyWalk.from(taskClass).including(options.included()).walk();
        for (Blindspot blindspot : shipment.blindspots()) {
            log.warn("shipping the code of {}: {}", taskClass.getName(), blindspot.sentence());
        }
        if (!shipment.missing().isEmpty()) {
            log.info(
                    "shipping the code of {}: referred to but on no class path here, so not"
                            + " shipped: {}",
                    taskClass.getName(),
                    shipment.missing());
        }
        SignedBundle signed = seal.seal(Bundle.of(shipment));
        shelf.putOnce(
                BundleSeal.address(signed.hash()),
                signed.bytes(),
                Map.of(Headers.KEY_ID, signed.keyId(), Headers.SIGNATURE, signed.signature()));
        log.info(
                "shipping the code of {} as bundle {}: {} entries, {} bytes",
                taskClass.getName(),
                signed.hash().substring(0, 12),
                shipment.entries().size(),
                signed.bytes().length);
        return signed.hash();
    }
}
