package dev.warren.internal.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.SigningKeys;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.ship.BundleRejectedException.Problem;
import dev.warren.internal.ship.crafted.LambdaTask;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BundleSealTest {
    static final SigningKeys CODE_KEYS = SigningKeys.of("code1", secret('c'));
    static final BundleSeal SEAL = new BundleSeal(HmacSigner.of(CODE_KEYS), 1 << 20);

    static byte[] secret(char fill) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) fill);
        return s;
    }

    static Bundle small() {
        return new Bundle(
                "lib.Root",
                new TreeMap<>(
                        Map.of(
                                "lib/Root.class",
                                CraftedJar.classFile("lib/Root", "java/lang/Object", null),
                                "lib/data.txt",
                                "data".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theSameCodeHasTheSameHashAndAnyChangeANewOne() {
        Bundle walked = Bundle.of(DependencyWalk.from(LambdaTask.class).walk());
        Bundle again = Bundle.of(DependencyWalk.from(LambdaTask.class).walk());
        TreeMap<String, byte[]> changed = new TreeMap<>(small().entries());
        changed.put("lib/data.txt", "date".getBytes(StandardCharsets.UTF_8));

        assertThat(walked.hash()).isEqualTo(again.hash()).hasSize(64);
        assertThat(new Bundle("lib.Root", changed).hash()).isNotEqualTo(small().hash());
    }

    @Test
    void aSealedBundleOpensToTheSameEntries() {
        VerifiedBundle opened = SEAL.open(SEAL.seal(small()));

        assertThat(opened.hash()).isEqualTo(small().hash());
        assertThat(opened.bundle().taskClass()).isEqualTo("lib.Root");
        assertThat(opened.bundle().entries().get("lib/data.txt")).asString().isEqualTo("data");
    }

    @Test
    void aTamperedBundleIsRefusedForItsHash() {
        SignedBundle sent = SEAL.seal(small());
        byte[] tampered = sent.bytes().clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(
                        () ->
                                SEAL.open(
                                        new SignedBundle(
                                                sent.hash(),
                                                sent.keyId(),
                                                sent.signature(),
                                                tampered)))
                .isInstanceOf(BundleRejectedException.class)
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.HASH_MISMATCH));
    }

    @Test
    void aTamperedBundleSentUnderItsNewHashIsRefusedForItsSignature() {
        SignedBundle sent = SEAL.seal(small());
        byte[] tampered = sent.bytes().clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(
                        () ->
                                SEAL.open(
                                        new SignedBundle(
                                                Bundle.hashOf(tampered),
                                                sent.keyId(),
                                                sent.signature(),
                                                tampered)))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.BAD_SIGNATURE));
    }

    @Test
    void anUnsignedBundleIsRefused() {
        SignedBundle sent = SEAL.seal(small());

        assertThatThrownBy(() -> SEAL.open(new SignedBundle(sent.hash(), null, null, sent.bytes())))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.MISSING_SIGNATURE));
    }

    @Test
    void aBundleSignedWithATaskKeyIsRefusedByAWorkerThatRequiresTheCodeKey() {
        BundleSeal taskKeySeal =
                new BundleSeal(HmacSigner.of(SigningKeys.of("tasks1", secret('t'))), 1 << 20);

        assertThatThrownBy(() -> SEAL.open(taskKeySeal.seal(small())))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNKNOWN_KEY))
                .hasMessageContaining("tasks1");
    }

    @Test
    void anOversizedBundleIsRefusedBeforeItIsHashedOrDecoded() {
        SignedBundle sent = SEAL.seal(small());
        BundleSeal strict = new BundleSeal(HmacSigner.of(CODE_KEYS), sent.bytes().length - 1);

        assertThatThrownBy(() -> strict.open(sent))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.OVERSIZED));
        assertThatThrownBy(() -> strict.seal(small()))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.OVERSIZED))
                .hasMessageContaining("lib.Root");
    }

    @Test
    void signedGarbageIsRefusedAsMalformed() {
        byte[] garbage = "not a bundle at all".getBytes(StandardCharsets.UTF_8);
        var signature =
                HmacSigner.of(CODE_KEYS)
                        .sign(
                                new dev.warren.internal.security.SignedContent(
                                        1,
                                        Bundle.hashOf(garbage),
                                        BundleSeal.TYPE,
                                        0,
                                        null,
                                        1,
                                        BundleSeal.address(Bundle.hashOf(garbage)),
                                        BundleSeal.PURPOSE,
                                        garbage));

        assertThatThrownBy(
                        () ->
                                SEAL.open(
                                        new SignedBundle(
                                                Bundle.hashOf(garbage),
                                                signature.keyId(),
                                                signature.bytes(),
                                                garbage)))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.MALFORMED));
    }

    @Test
    void entryNamesThatLeaveTheBundleAreUnsafe() {
        assertThat(EntryNames.isSafe("com/acme/X.class")).isTrue();
        assertThat(EntryNames.isSafe("../etc/passwd")).isFalse();
        assertThat(EntryNames.isSafe("com/../../x")).isFalse();
        assertThat(EntryNames.isSafe("/abs")).isFalse();
        assertThat(EntryNames.isSafe("a\\b")).isFalse();
    }

    static Problem problem(Throwable e) {
        return ((BundleRejectedException) e).problem();
    }
}
