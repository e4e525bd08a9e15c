package dev.warren.internal.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Task;
import dev.warren.internal.ship.BundleRejectedException.Problem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock =
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.ofEpochMilli(now.get());
                }
            };

    private BundleCache cache(Path dir, ClassLoader parent) {
        return new BundleCache(dir, BundleSealTest.SEAL, parent, clock, Duration.ofMinutes(10));
    }

    @Test
    void aBundlesClassIsDefinedFromItsVerifiedBytesAndItsResourcesAreServed(@TempDir Path dir)
            throws Exception {
        BundleClassLoader loader =
                cache(dir, ClassLoader.getPlatformClassLoader())
                        .add(BundleSealTest.SEAL.seal(BundleSealTest.small()));

        Class<?> root = loader.loadClass("lib.Root");
        assertThat(root.getClassLoader()).isSameAs(loader);
        try (InputStream data = loader.getResourceAsStream("lib/data.txt")) {
            assertThat(new String(data.readAllBytes())).isEqualTo("data");
        }
    }

    @Test
    void classesTheWorkerHasComeFromTheWorkerEvenWhenTheBundleCarriesACopy(@TempDir Path dir)
            throws Exception {
        TreeMap<String, byte[]> entries = new TreeMap<>(BundleSealTest.small().entries());
        entries.put(
                "dev/warren/Task.class",
                CraftedJar.classFile("dev/warren/Task", "java/lang/Object", null));
        BundleClassLoader loader =
                cache(dir, Task.class.getClassLoader())
                        .add(BundleSealTest.SEAL.seal(new Bundle("lib.Root", entries)));

        assertThat(loader.loadClass("dev.warren.Task")).isSameAs(Task.class);
    }

    @Test
    void aClassTheBundleLacksFailsWithTheSentenceThatSaysHowToShipIt(@TempDir Path dir) {
        BundleClassLoader loader =
                cache(dir, ClassLoader.getPlatformClassLoader())
                        .add(BundleSealTest.SEAL.seal(BundleSealTest.small()));

        assertThatThrownBy(() -> loader.loadClass("com.acme.Plugin"))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("ShipOptions.include(com.acme.Plugin.class)");
    }

    @Test
    void aBundleDroppedFromMemoryComesBackFromDiskVerifiedAgain(@TempDir Path dir)
            throws Exception {
        BundleCache cache = cache(dir, ClassLoader.getPlatformClassLoader());
        SignedBundle sent = BundleSealTest.SEAL.seal(BundleSealTest.small());
        BundleClassLoader first = cache.add(sent);

        now.addAndGet(Duration.ofMinutes(11).toMillis());
        assertThat(cache.dropIdle()).isEqualTo(1);
        assertThat(cache.inMemory()).isZero();

        BundleClassLoader again = cache.loaded(sent.hash()).orElseThrow();
        assertThat(again).isNotSameAs(first);
        assertThat(again.loadClass("lib.Root").getClassLoader()).isSameAs(again);
        assertThat(cache(dir, ClassLoader.getPlatformClassLoader()).loaded(sent.hash()))
                .isPresent();
    }

    @Test
    void aBundleInUseStaysInMemory(@TempDir Path dir) {
        BundleCache cache = cache(dir, ClassLoader.getPlatformClassLoader());
        SignedBundle sent = BundleSealTest.SEAL.seal(BundleSealTest.small());
        cache.add(sent);

        now.addAndGet(Duration.ofMinutes(9).toMillis());
        cache.loaded(sent.hash());
        now.addAndGet(Duration.ofMinutes(9).toMillis());

        assertThat(cache.dropIdle()).isZero();
    }

    @Test
    void aCopyTamperedOnDiskIsRefusedAndDeleted(@TempDir Path dir) throws Exception {
        SignedBundle sent = BundleSealTest.SEAL.seal(BundleSealTest.small());
        cache(dir, ClassLoader.getPlatformClassLoader()).add(sent);
        Path file = dir.resolve(sent.hash() + ".bundle");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(
                        () -> cache(dir, ClassLoader.getPlatformClassLoader()).loaded(sent.hash()))
                .satisfies(
                        e ->
                                assertThat(BundleSealTest.problem(e))
                                        .isEqualTo(Problem.HASH_MISMATCH));
        assertThat(file).doesNotExist();
    }

    @Test
    void aBundleThatDoesNotVerifyIsNeitherKeptNorLoaded(@TempDir Path dir) {
        SignedBundle sent = BundleSealTest.SEAL.seal(BundleSealTest.small());
        BundleCache cache = cache(dir, ClassLoader.getPlatformClassLoader());

        assertThatThrownBy(() -> cache.add(new SignedBundle(sent.hash(), null, null, sent.bytes())))
                .isInstanceOf(BundleRejectedException.class);
        assertThat(cache.inMemory()).isZero();
        assertThat(dir.resolve(sent.hash() + ".bundle")).doesNotExist();
        assertThat(cache.loaded(sent.hash())).isEmpty();
    }

    @Test
    void aHashThatIsNotOneIsNeverUsedAsAFileName(@TempDir Path dir) {
        assertThat(cache(dir, ClassLoader.getPlatformClassLoader()).loaded("../../etc/passwd"))
                .isEmpty();
    }
}
