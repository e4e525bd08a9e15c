package dev.warren.internal.ship;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A worker's bundles: class loaders in memory, signed bytes on disk by hash. A bundle is verified
 * when it arrives and again when it is read back from disk (the disk is not trusted more than the
 * wire); loaders not used for {@code idle} are dropped from memory, to be read from disk again if a
 * task of theirs comes back. Thread-safe.
 *
 * <pre>{@code
 * BundleCache cache = new BundleCache(dir, seal, Worker.class.getClassLoader(), clock, Duration.ofMinutes(10));
 * BundleClassLoader loader = cache.loaded(hash).orElseGet(() -> cache.add(fetch(hash)));
 * }</pre>
 */
public final class BundleCache {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final BundleSeal seal;
    private final ClassLoader parent;
    private final Clock clock;
    private final Duration idle;
    private final Map<String, Held> inMemory = new ConcurrentHashMap<>();

    private static final class Held {
        final BundleClassLoader loader;
        volatile long lastUsed;

        Held(BundleClassLoader loader, long now) {
            this.loader = loader;
            this.lastUsed = now;
        }
    }

    public BundleCache(Path dir, BundleSeal seal, ClassLoader parent, Clock clock, Duration idle) {
        this.dir = dir;
        this.seal = seal;
        this.parent = parent;
        this.clock = clock;
        this.idle = idle;
    }

    /** Whether {@code hash} is a well-formed bundle hash (and so safe as a file name). */
    public static boolean isHash(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }

    /**
     * The loader of bundle {@code hash}, from memory or, verified again, from disk; empty when this
     * worker has not got it.
     *
     * @throws BundleRejectedException when the copy on disk no longer verifies (it is deleted)
     */
    public Optional<BundleClassLoader> loaded(String hash) {
        if (!isHash(hash)) {
            return Optional.empty();
        }
        Held held = inMemory.get(hash);
        if (held != null) {
            held.lastUsed = clock.millis();
            return Optional.of(held.loader);
        }
        Path file = file(hash);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(hold(seal.open(readFile(hash, Files.readAllBytes(file)))));
        } catch (BundleRejectedException e) {
            deleteQuietly(file);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached bundle " + file, e);
        }
    }

    /**
     * Verifies a bundle that arrived, keeps it on disk and returns its loader.
     *
     * @throws BundleRejectedException naming the failed check; nothing is kept then
     */
    public BundleClassLoader add(SignedBundle arrived) {
        if (!isHash(arrived.hash())) {
            throw new BundleRejectedException(
                    BundleRejectedException.Problem.MALFORMED,
                    "a bundle hash is 64 lower-case hex digits, not " + arrived.hash());
        }
        VerifiedBundle verified = seal.open(arrived);
        write(arrived);
        return hold(verified);
    }

    /** Drops from memory the loaders unused for longer than {@code idle}; returns how many. */
    public int dropIdle() {
        long oldest = clock.millis() - idle.toMillis();
        int before = inMemory.size();
        inMemory.values().removeIf(held -> held.lastUsed < oldest);
        return before - inMemory.size();
    }

    /** Whether {@code loader} is the one this cache holds in memory for its bundle. */
    public boolean isInMemory(BundleClassLoader loader) {
        Held held = inMemory.get(loader.hash());
        return held != null && held.loader == loader;
    }

    /** How many bundles have a loader in memory. */
    public int inMemory() {
        return inMemory.size();
    }

    private BundleClassLoader hold(VerifiedBundle verified) {
        long now = clock.millis();
        Held held =
                inMemory.computeIfAbsent(
                        verified.hash(),
                        h -> new Held(new BundleClassLoader(verified, parent), now));
        held.lastUsed = now;
        return held.loader;
    }

    private Path file(String hash) {
        return dir.resolve(hash + ".bundle");
    }

    private void write(SignedBundle bundle) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, bundle.hash(), ".part");
            Files.write(temp, fileBytes(bundle));
            try {
                Files.move(temp, file(bundle.hash()), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(bundle.hash()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep bundle " + bundle.hash() + " in " + dir, e);
        }
    }

    /** Key id, signature, bundle bytes: each length-prefixed. */
    static byte[] fileBytes(SignedBundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] keyId = bundle.keyId().getBytes(StandardCharsets.UTF_8);
            out.writeShort(keyId.length);
            out.write(keyId);
            out.writeShort(bundle.signature().length);
            out.write(bundle.signature());
            out.writeInt(bundle.bytes().length);
            out.write(bundle.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SignedBundle readFile(String hash, byte[] file) {
        try {
            ByteBuffer in = ByteBuffer.wrap(file);
            byte[] keyId = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(keyId);
            byte[] signature = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(signature);
            int size = in.getInt();
            if (size < 0 || size != in.remaining()) {
                throw new BufferUnderflowException();
            }
            byte[] bytes = new byte[size];
            in.get(bytes);
            return new SignedBundle(
                    hash, new String(keyId, StandardCharsets.UTF_8), signature, bytes);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new BundleRejectedException(
                    BundleRejectedException.Problem.MALFORMED,
                    "the cached copy of bundle " + hash + " is truncated or damaged");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a damaged copy that cannot be deleted is verified, and refused, again next time
        }
    }
}
