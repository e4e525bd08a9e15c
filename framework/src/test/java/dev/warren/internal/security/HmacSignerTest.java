package dev.warren.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.SigningKeys;
import dev.warren.internal.security.InvalidSignatureException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HmacSignerTest {
    private static final byte[] SECRET_1 = secret(1);
    private static final byte[] SECRET_2 = secret(2);

    private static final SignedContent CONTENT =
            new SignedContent(
                    1,
                    "3f2a8c4e-1b7d-4e0a-9c55-0f6e2d1a9b33",
                    "com.acme.SumPrimes",
                    1_700_000_000_123L,
                    "warren.reply.client-1",
                    1,
                    "test-queue",
                    "task",
                    "the body".getBytes(StandardCharsets.UTF_8));

    private final HmacSigner signer = HmacSigner.of(SigningKeys.of("k1", SECRET_1));

    private static byte[] secret(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        bytes[0] = (byte) (seed * 31);
        return bytes;
    }

    private static Problem problemOf(Runnable verification) {
        try {
            verification.run();
        } catch (InvalidSignatureException e) {
            return e.problem();
        }
        return null;
    }

    @Test
    void signThenVerifyPasses() {
        Signature signature = signer.sign(CONTENT);

        assertThat(signature.keyId()).isEqualTo("k1");
        assertThat(signature.bytes()).hasSize(32);
        assertThatCode(() -> signer.verify(CONTENT, signature.keyId(), signature.bytes()))
                .doesNotThrowAnyException();
    }

    @Test
    void signingTheSameContentTwiceGivesTheSameSignature() {
        assertThat(signer.sign(CONTENT).bytes()).isEqualTo(signer.sign(CONTENT).bytes());
    }

    @Test
    void aContentWithNullReplyToAndAnEmptyBodySignsAndVerifies() {
        SignedContent enqueued = copy(CONTENT, null, CONTENT.attempt(), new byte[0]);
        Signature signature = signer.sign(enqueued);

        assertThatCode(() -> signer.verify(enqueued, "k1", signature.bytes()))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> changesOfASignedField() {
        return Stream.of(
                change(
                        "version",
                        c ->
                                new SignedContent(
                                        2,
                                        c.messageId(),
                                        c.type(),
                                        c.timestamp(),
                                        c.replyTo(),
                                        c.attempt(),
                                        "test-queue",
                                        "task",
                                        c.body())),
                change(
                        "messageId",
                        c ->
                                new SignedContent(
                                        c.version(),
                                        "3f2a8c4e-1b7d-4e0a-9c55-0f6e2d1a9b34",
                                        c.type(),
                                        c.timestamp(),
                                        c.replyTo(),
                                        c.attempt(),
                                        "test-queue",
                                        "task",
                                        c.body())),
                change(
                        "type",
                        c ->
                                new SignedContent(
                                        c.version(),
                                        c.messageId(),
                                        "com.acme.DeleteAll",
                                        c.timestamp(),
                                        c.replyTo(),
                                        c.attempt(),
                                        "test-queue",
                                        "task",
                                        c.body())),
                change(
                        "timestamp",
                        c ->
                                new SignedContent(
                                        c.version(),
                                        c.messageId(),
                                        c.type(),
                                        c.timestamp() + 1,
                                        c.replyTo(),
                                        c.attempt(),
                                        "test-queue",
                                        "task",
                                        c.body())),
                change("replyTo", c -> copy(c, "warren.reply.attacker", c.attempt(), c.body())),
                change("replyTo to null", c -> copy(c, null, c.attempt(), c.body())),
                change("replyTo to empty", c -> copy(c, "", c.attempt(), c.body())),
                change("attempt", c -> copy(c, c.replyTo(), c.attempt() + 1, c.body())),
                change(
                        "body length",
                        c ->
                                copy(
                                        c,
                                        c.replyTo(),
                                        c.attempt(),
                                        Arrays.copyOf(c.body(), c.body().length + 1))),
                // the boundary between two length-prefixed strings moves: must not collide
                change(
                        "messageId/type boundary",
                        c ->
                                new SignedContent(
                                        c.version(),
                                        c.messageId() + "c",
                                        c.type().substring(1),
                                        c.timestamp(),
                                        c.replyTo(),
                                        c.attempt(),
                                        "test-queue",
                                        "task",
                                        c.body())));
    }

    private static Arguments change(String field, UnaryOperator<SignedContent> change) {
        return Arguments.of(field, change);
    }

    private static SignedContent copy(SignedContent c, String replyTo, int attempt, byte[] body) {
        return new SignedContent(
                c.version(),
                c.messageId(),
                c.type(),
                c.timestamp(),
                replyTo,
                attempt,
                "test-queue",
                "task",
                body);
    }

    @ParameterizedTest(name = "changing {0} breaks the signature")
    @MethodSource("changesOfASignedField")
    void changingAnySignedFieldFailsAsBadSignature(
            String field, UnaryOperator<SignedContent> change) {
        Signature signature = signer.sign(CONTENT);
        SignedContent changed = change.apply(CONTENT);

        assertThatThrownBy(() -> signer.verify(changed, signature.keyId(), signature.bytes()))
                .isInstanceOfSatisfying(
                        InvalidSignatureException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_SIGNATURE))
                .hasMessageContaining(changed.messageId());
    }

    @Test
    void emptyAndNullReplyToSignDifferently() {
        SignedContent withNull = copy(CONTENT, null, 1, CONTENT.body());
        SignedContent withEmpty = copy(CONTENT, "", 1, CONTENT.body());

        assertThat(signer.sign(withNull).bytes()).isNotEqualTo(signer.sign(withEmpty).bytes());
        assertThat(problemOf(() -> signer.verify(withEmpty, "k1", signer.sign(withNull).bytes())))
                .isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void flippingAnySingleBodyBitFailsAsBadSignature() {
        Signature signature = signer.sign(CONTENT);
        byte[] body = CONTENT.body();

        for (int bit = 0; bit < body.length * 8; bit++) {
            byte[] flipped = body.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            SignedContent tampered = copy(CONTENT, CONTENT.replyTo(), CONTENT.attempt(), flipped);

            assertThat(problemOf(() -> signer.verify(tampered, "k1", signature.bytes())))
                    .as("body bit %d flipped", bit)
                    .isEqualTo(Problem.BAD_SIGNATURE);
        }
    }

    @Test
    void aDamagedOrTruncatedSignatureFailsAsBadSignature() {
        byte[] good = signer.sign(CONTENT).bytes();
        byte[] damaged = good.clone();
        damaged[31] ^= 1;

        assertThat(problemOf(() -> signer.verify(CONTENT, "k1", damaged)))
                .isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(problemOf(() -> signer.verify(CONTENT, "k1", Arrays.copyOf(good, 31))))
                .isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(problemOf(() -> signer.verify(CONTENT, "k1", new byte[0])))
                .isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void aSignatureMadeWithAnotherSecretUnderTheSameKeyIdFailsAsBadSignature() {
        HmacSigner impostor = HmacSigner.of(SigningKeys.of("k1", SECRET_2));
        Signature forged = impostor.sign(CONTENT);

        assertThat(problemOf(() -> signer.verify(CONTENT, forged.keyId(), forged.bytes())))
                .isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void anUnknownKeyIdFailsAsUnknownKeyNamingTheKey() {
        Signature signature = signer.sign(CONTENT);

        assertThatThrownBy(() -> signer.verify(CONTENT, "k9", signature.bytes()))
                .isInstanceOfSatisfying(
                        InvalidSignatureException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_KEY))
                .hasMessageContaining("'k9'");
    }

    @Test
    void aMissingKeyIdOrSignatureFailsAsMissingSignature() {
        Signature signature = signer.sign(CONTENT);

        assertThat(problemOf(() -> signer.verify(CONTENT, null, signature.bytes())))
                .isEqualTo(Problem.MISSING_SIGNATURE);
        assertThat(problemOf(() -> signer.verify(CONTENT, "k1", null)))
                .isEqualTo(Problem.MISSING_SIGNATURE);
        assertThat(problemOf(() -> signer.verify(CONTENT, null, null)))
                .isEqualTo(Problem.MISSING_SIGNATURE);
    }

    @Test
    void aRotatedSignerSignsWithItsFirstKeyAndAPeerHoldingBothKeysVerifies() {
        HmacSigner rotated = HmacSigner.of(SigningKeys.of("k2", SECRET_2).and("k1", SECRET_1));
        HmacSigner notYetRotated =
                HmacSigner.of(SigningKeys.of("k1", SECRET_1).and("k2", SECRET_2));

        Signature fromRotated = rotated.sign(CONTENT);
        Signature fromNotYetRotated = notYetRotated.sign(CONTENT);

        assertThat(fromRotated.keyId()).isEqualTo("k2");
        assertThat(fromNotYetRotated.keyId()).isEqualTo("k1");
        assertThatCode(() -> notYetRotated.verify(CONTENT, "k2", fromRotated.bytes()))
                .doesNotThrowAnyException();
        assertThatCode(() -> rotated.verify(CONTENT, "k1", fromNotYetRotated.bytes()))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignerHoldingOnlyTheOldKeyRefusesTheNewKeyAsUnknown() {
        HmacSigner rotated = HmacSigner.of(SigningKeys.of("k2", SECRET_2).and("k1", SECRET_1));
        Signature fromRotated = rotated.sign(CONTENT);

        assertThat(problemOf(() -> signer.verify(CONTENT, "k2", fromRotated.bytes())))
                .isEqualTo(Problem.UNKNOWN_KEY);
    }

    @Test
    void aKeyUnderADifferentIdDoesNotVerifyEvenWithTheSameSecret() {
        // the key id is part of the signed bytes: a signature cannot be relabelled
        HmacSigner sameSecretOtherId =
                HmacSigner.of(SigningKeys.of("k1", SECRET_1).and("k1b", SECRET_1));
        Signature signature = signer.sign(CONTENT);

        assertThat(problemOf(() -> sameSecretOtherId.verify(CONTENT, "k1b", signature.bytes())))
                .isEqualTo(Problem.BAD_SIGNATURE);
    }
}
