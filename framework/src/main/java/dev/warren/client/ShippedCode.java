package dev.warren.client;

import dev.warren.ShipOptions;
import dev.warren.WarrenConfig;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.ship.Blindspot;
import dev.warren.internal.ship.BundleClassLoader;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.Shipment;
import dev.warren.internal.ship.SignedBundle;
import dev.warren.internal.ship.TaskCode;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BundleShelf;
import dev.warren.internal.wire.Headers;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer's shipped code: on the first submit of a shipped task class, the dependency walk, the
 * bundle signed with the code keys and put on the broker; after that, the bundle's hash from
 * memory, put again once a day so that its queue never expires under a long-lived producer. A task
 * class that came in a bundle (a task submitted by a shipped task on a worker) travels in that
 * bundle, its signed bytes put as they are. What the walk could not follow is logged once per class
 * as a warning with its fix.
 */
final class ShippedCode {
    private static final Logger log = LoggerFactory.getLogger(ShippedCode.class);

    /** Well inside {@link BundleShelf#EXPIRY}, so a queue put again never expired in between. */
    static final Duration PUT_AGAIN_AFTER = Duration.ofDays(1);

    private final ShipOptions options;
    private final BundleSeal seal;
    private final BundleShelf shelf;
    private final Map<Class<?>, Integer> explicitIds;
    private final Clock clock;
    private final Map<Class<?>, Put> puts = new ConcurrentHashMap<>();

    private record Put(String hash, long atMillis) {}

    ShippedCode(BrokerLink broker, Clock clock) {
        WarrenConfig config = broker.config();
        this.options = config.shipOptions();
        this.seal =
                new BundleSeal(
                        HmacSigner.of(options.codeKeys().orElse(config.signingKeys())),
                        options.maxBundleBytes());
        this.shelf = broker.bundles();
        this.explicitIds = config.registrations();
        this.clock = clock;
    }

    /** Whether tasks of {@code taskClass} travel with their code. */
    boolean ships(Class<?> taskClass) {
        return BundleClassLoader.of(taskClass).isPresent() || options.ships(taskClass);
    }

    /** The hash of the bundle of {@code taskClass}, walked, sealed and put on the broker. */
    String bundleOf(Class<?> taskClass) {
        Put put = puts.get(taskClass);
        if (!fresh(put)) {
            put = puts.compute(taskClass, (type, before) -> fresh(before) ? before : ship(type));
        }
        return put.hash();
    }

    private boolean fresh(Put put) {
        return put != null && clock.millis() - put.atMillis() <= PUT_AGAIN_AFTER.toMillis();
    }

    /**
     * Puts the bundle of {@code taskClass} on the broker again, for a worker that found it missing
     * (its queue expired or was deleted); a bundle there already under the same signature is left
     * as it is.
     */
    void putAgain(Class<?> taskClass) {
        puts.put(taskClass, ship(taskClass));
    }

    private Put ship(Class<?> taskClass) {
        Optional<BundleClassLoader> shippedHere = BundleClassLoader.of(taskClass);
        SignedBundle signed =
                shippedHere.isPresent() ? shippedHere.get().signed() : walkAndSeal(taskClass);
        shelf.putOnce(
                BundleSeal.address(signed.hash()),
                signed.bytes(),
                Map.of(Headers.KEY_ID, signed.keyId(), Headers.SIGNATURE, signed.signature()));
        return new Put(signed.hash(), clock.millis());
    }

    private SignedBundle walkAndSeal(Class<?> taskClass) {
        TaskCode code = TaskCode.of(taskClass, options, explicitIds);
        Shipment shipment = code.shipment();
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
        SignedBundle signed = seal.seal(code.bundle());
        log.info(
                "shipping the code of {} as bundle {}: {} entries, {} bytes",
                taskClass.getName(),
                signed.hash().substring(0, 12),
                shipment.entries().size(),
                signed.bytes().length);
        return signed;
    }
}
