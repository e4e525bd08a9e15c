package dev.warren.cli;

import dev.warren.SigningKeys;
import dev.warren.worker.WorkerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The worker's options for running tasks whose code the producer ships. */
final class ShippedCodeOptions {
    @Option(
            names = "--accept-code",
            description =
                    "Run tasks whose code the producer ships (WarrenConfig shipCode): anyone holding"
                            + " a key accepted for code can then run any code on this host; see"
                            + " --code-keys")
    boolean acceptCode;

    @Option(
            names = "--code-keys",
            paramLabel = "FILE",
            description =
                    "Accept shipped code only when signed with a key of this key file, not with"
                            + " the task keys")
    Path codeKeys;

    @Option(
            names = "--bundle-cache",
            paramLabel = "DIR",
            description = "Where verified shipped code is kept (default: a folder in the temp dir)")
    Path bundleCache;

    @Option(
            names = "--max-bundle-bytes",
            paramLabel = "BYTES",
            description = "Refuse shipped code larger than this (default: 16 MiB)")
    Integer maxBundleBytes;

    void applyTo(WorkerConfig.Builder worker) {
        worker.acceptCode(acceptCode);
        if (codeKeys != null) {
            worker.codeKeys(SigningKeys.fromFile(codeKeys));
        }
        if (bundleCache != null) {
            worker.bundleCache(bundleCache);
        }
        if (maxBundleBytes != null) {
            worker.maxBundleBytes(maxBundleBytes);
        }
    }
}
