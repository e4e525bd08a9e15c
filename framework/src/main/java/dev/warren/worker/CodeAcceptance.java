package dev.warren.worker;

import dev.warren.ConfigurationException;
import dev.warren.ShipOptions;
import dev.warren.SigningKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a worker runs shipped code, and with what: the keys a bundle must be signed with (the
 * task keys unless set apart), where verified bundles are kept, how long an unused one stays in
 * memory, and the size limit.
 */
record CodeAcceptance(
        boolean accept, SigningKeys codeKeys, Path cacheDir, Duration idle, int maxBundleBytes) {
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    static CodeAcceptance refuse() {
        return new CodeAcceptance(
                false, null, defaultDir(), DEFAULT_IDLE, ShipOptions.DEFAULT_MAX_BUNDLE_BYTES);
    }

    static Path defaultDir() {
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                "warren-bundles-" + System.getProperty("user.name", "worker"));
    }

    /** The code keys, if set apart from the task keys. */
    Optional<SigningKeys> separateKeys() {
        return Optional.ofNullable(codeKeys);
    }

    CodeAcceptance accepting(boolean yes) {
        return new CodeAcceptance(yes, codeKeys, cacheDir, idle, maxBundleBytes);
    }

    CodeAcceptance withKeys(SigningKeys keys) {
        return new CodeAcceptance(accept, keys, cacheDir, idle, maxBundleBytes);
    }

    CodeAcceptance withCacheDir(Path dir) {
        return new CodeAcceptance(accept, codeKeys, dir, idle, maxBundleBytes);
    }

    CodeAcceptance withMaxBundleBytes(int bytes) {
        if (bytes < 1024) {
            throw new ConfigurationException("maxBundleBytes must be at least 1024, was " + bytes);
        }
        return new CodeAcceptance(accept, codeKeys, cacheDir, idle, bytes);
    }
}
