package dev.warren.worker;

import dev.warren.WarrenConfig;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.ship.BundleCache;
import dev.warren.internal.ship.BundleClassLoader;
import dev.warren.internal.ship.BundleRejectedException;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.SignedBundle;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BundleShelf;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a verified task whose code the producer shipped: refused unless the worker accepts code;
 * else its bundle, from the cache or fetched once from the broker and verified, gives the class
 * loader and a codec that knows the bundle's task class. Nothing is defined from a bundle that did
 * not verify.
 */
final class ShippedTasks {
    private static final Logger log = LoggerFactory.getLogger(ShippedTasks.class);
    private static final Duration FETCH_PATIENCE = Duration.ofSeconds(5);

    private final CodeAcceptance code;
    private final BundleCache cache;
    private final BundleShelf shelf;
    private final WarrenConfig config;
    private final Clock clock;
    private final Map<String, BundleTypes> types = new ConcurrentHashMap<>();
    private final AtomicLong fetches = new AtomicLong();

    private ShippedTasks(
            CodeAcceptance code,
            BundleCache cache,
            BundleShelf shelf,
            WarrenConfig config,
            Clock clock) {
        this.code = code;
        this.clock = clock;
        this.cache = cache;
        this.shelf = shelf;
        this.config = config;
    }

    /** For a worker that does not run shipped code: every such task is refused, saying why. */
    static ShippedTasks refusing() {
        return new ShippedTasks(CodeAcceptance.refuse(), null, null, null, null);
    }

    static ShippedTasks of(BrokerLink broker, CodeAcceptance code, Clock clock) {
        if (!code.accept()) {
            return refusing();
        }
        BundleSeal seal =
                new BundleSeal(
                        HmacSigner.of(code.separateKeys().orElse(broker.config().signingKeys())),
                        code.maxBundleBytes());
        BundleCache cache =
                new BundleCache(code.cacheDir(), seal, workerLoader(), clock, code.idle());
        return new ShippedTasks(code, cache, broker.bundles(), broker.config(), clock);
    }

    /** The loader the worker's own classes come from: its class path, --classpath included. */
    private static ClassLoader workerLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ShippedTasks.class.getClassLoader();
    }

    /** How many bundles this worker fetched from the broker. */
    long fetches() {
        return fetches.get();
    }

    /** A shipped task, decoded, and the protocol that seals its result with its bundle's types. */
    record Opened(Object payload, TaskProtocol replies) {}

    /**
     * The task in a verified envelope signed for shipped code {@code hash}.
     *
     * @throws RejectedMessageException with the reason and a sentence saying what to do
     */
    Opened open(Envelope envelope, String hash) {
        String task = "task " + envelope.messageId() + " (" + envelope.type() + ")";
        if (!code.accept()) {
            throw new RejectedMessageException(
                    RejectReason.CODE_NOT_ACCEPTED,
                    task
                            + " comes with its code, and this worker does not run shipped code:"
                            + " start it with --accept-code (WorkerConfig.Builder.acceptCode(true))"
                            + " to run it, or put the application's jar on its --classpath and"
                            + " submit without shipCode");
        }
        BundleTypes bundle = typesOf(loader(task, hash));
        return new Opened(bundle.decode(envelope.type(), envelope.body(), task), bundle.replies());
    }

    /** The types of a loader the cache holds; those of loaders it dropped are dropped too. */
    private BundleTypes typesOf(BundleClassLoader loader) {
        types.values().removeIf(known -> !cache.isInMemory(known.loader()));
        BundleTypes known = types.get(loader.hash());
        if (known != null && known.loader() == loader) {
            return known;
        }
        BundleTypes fresh = BundleTypes.of(loader, config, clock);
        types.put(loader.hash(), fresh);
        return fresh;
    }

    private BundleClassLoader loader(String task, String hash) {
        try {
            cache.dropIdle();
            Optional<BundleClassLoader> cached = cache.loaded(hash);
            if (cached.isPresent()) {
                return cached.get();
            }
            synchronized (this) {
                return cache.loaded(hash).orElseGet(() -> fetch(task, hash));
            }
        } catch (BundleRejectedException e) {
            log.warn("refused the shipped code of {}: {}", task, e.getMessage());
            throw new RejectedMessageException(
                    RejectReason.BUNDLE_REFUSED,
                    task + ": its shipped code is refused (" + e.problem() + "): " + e.getMessage(),
                    e);
        }
    }

    private BundleClassLoader fetch(String task, String hash) {
        if (!BundleCache.isHash(hash)) {
            throw new BundleRejectedException(
                    BundleRejectedException.Problem.MALFORMED,
                    "a bundle hash is 64 lower-case hex digits");
        }
        long start = System.nanoTime();
        String address = BundleSeal.address(hash);
        BundleShelf.Copy copy =
                shelf.read(address, FETCH_PATIENCE)
                        .orElseThrow(
                                () ->
                                        new RejectedMessageException(
                                                RejectReason.BUNDLE_MISSING,
                                                task
                                                        + ": its shipped code is not on the broker"
                                                        + " (queue "
                                                        + address
                                                        + " expired or was deleted): submit it"
                                                        + " again from a producer with shipCode"
                                                        + " on"));
        Object keyId = copy.headers().get(Headers.KEY_ID);
        Object signature = copy.headers().get(Headers.SIGNATURE);
        BundleClassLoader loader =
                cache.add(
                        new SignedBundle(
                                hash,
                                keyId == null ? null : keyId.toString(),
                                signature instanceof byte[] bytes ? bytes : null,
                                copy.body()));
        fetches.incrementAndGet();
        log.info(
                "fetched shipped code {} for {} in {} ms ({} bytes)",
                shortHash(hash),
                loader.taskClass(),
                (System.nanoTime() - start) / 1_000_000,
                copy.body().length);
        return loader;
    }

    static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
