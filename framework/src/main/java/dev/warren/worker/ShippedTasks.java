package dev.warren.worker;

import dev.warren.WarrenConfig;
import dev.warren.internal.codec.CodecException;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.codec.TaskTypes;
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
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
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
    private final Map<BundleClassLoader, KryoCodec> codecs =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong fetches = new AtomicLong();

    private ShippedTasks(
            CodeAcceptance code, BundleCache cache, BundleShelf shelf, WarrenConfig config) {
        this.code = code;
        this.cache = cache;
        this.shelf = shelf;
        this.config = config;
    }

    /** For a worker that does not run shipped code: every such task is refused, saying why. */
    static ShippedTasks refusing() {
        return new ShippedTasks(CodeAcceptance.refuse(), null, null, null);
    }

    static ShippedTasks of(BrokerLink broker, CodeAcceptance code) {
        if (!code.accept()) {
            return refusing();
        }
        BundleSeal seal =
                new BundleSeal(
                        HmacSigner.of(code.separateKeys().orElse(broker.config().signingKeys())),
                        code.maxBundleBytes());
        BundleCache cache =
                new BundleCache(
                        code.cacheDir(), seal, workerLoader(), Clock.systemUTC(), code.idle());
        return new ShippedTasks(code, cache, broker.bundles(), broker.config());
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

    /**
     * The task in a verified envelope signed for shipped code {@code hash}.
     *
     * @throws RejectedMessageException with the reason and a sentence saying what to do
     */
    Object open(Envelope envelope, String hash) {
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
        BundleClassLoader loader = loader(task, hash);
        if (!loader.taskClass().equals(envelope.type())) {
            throw new RejectedMessageException(
                    RejectReason.NOT_A_TASK,
                    task
                            + " names bundle "
                            + shortHash(hash)
                            + ", which is for "
                            + loader.taskClass());
        }
        try {
            return codecOf(loader).decode(envelope.body());
        } catch (CodecException e) {
            throw new RejectedMessageException(
                    e.isUnregisteredClass()
                            ? RejectReason.UNREGISTERED_CLASS
                            : RejectReason.UNDECODABLE,
                    task + ": " + e.getMessage(),
                    e);
        }
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

    private KryoCodec codecOf(BundleClassLoader loader) {
        return codecs.computeIfAbsent(
                loader,
                l -> {
                    Class<?> taskClass;
                    try {
                        taskClass = Class.forName(l.taskClass(), false, l);
                    } catch (ClassNotFoundException e) {
                        throw new RejectedMessageException(
                                RejectReason.BUNDLE_REFUSED,
                                "bundle "
                                        + shortHash(l.hash())
                                        + " lacks its task class "
                                        + l.taskClass(),
                                e);
                    }
                    TaskTypes types = TaskTypes.forConfig(config, TaskProtocol.WIRE_TYPES);
                    types.admit(taskClass);
                    return types.codec();
                });
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
