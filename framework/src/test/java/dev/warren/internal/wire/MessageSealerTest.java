package dev.warren.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.PublishFailedException;
import dev.warren.SigningKeys;
import dev.warren.internal.codec.Codec;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.security.Signature;
import dev.warren.internal.security.SignedContent;
import dev.warren.internal.security.Signer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MessageSealerTest {
    private static final int MAX_BODY = 2048;
    private static final String ID = "0b8e2f7c-5d43-4c1e-8a9f-6c2b7e1d3a55";
    private static final String TYPE = Resize.class.getName();
    private static final long NOW = 1_700_000_000_000L;
    private static final String REPLY_TO = "warren.reply.c1";

    record Resize(String imageId, int width) {}

    record Extra(String text) {}

    private static final Map<Class<?>, Integer> REGISTRATIONS = Map.of(Resize.class, 100);
    private static final SigningKeys KEYS = SigningKeys.of("k1", filled(32, 5));

    private final CountingCodec codec = new CountingCodec(KryoCodec.of(REGISTRATIONS));
    private final CountingSigner signer = new CountingSigner(HmacSigner.of(KEYS));
    private final MessageSealer sealer = new MessageSealer(codec, signer, MAX_BODY);

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private Envelope sealed() {
        return sealer.seal(
                new Heading(ID, TYPE, NOW, REPLY_TO, 1, Binding.of("test-queue", "task")),
                new Resize("img-42", 128));
    }

    private static RejectReason reasonOf(MessageSealer sealer, Envelope envelope) {
        try {
            sealer.open(envelope, Binding.of("test-queue", "task"));
        } catch (RejectedMessageException e) {
            return e.reason();
        }
        return null;
    }

    private static Envelope withBody(Envelope e, byte[] body) {
        return new Envelope(
                e.version(),
                e.messageId(),
                e.type(),
                e.timestamp(),
                e.replyTo(),
                e.attempt(),
                e.binding(),
                e.keyId(),
                e.signature(),
                body,
                e.annotations());
    }

    @Test
    void aSealedMessageOpensToItsPayload() {
        Envelope envelope = sealed();

        assertThat(envelope.version()).isEqualTo(Headers.WIRE_VERSION);
        assertThat(envelope.messageId()).isEqualTo(ID);
        assertThat(envelope.type()).isEqualTo(TYPE);
        assertThat(envelope.timestamp()).isEqualTo(NOW);
        assertThat(envelope.replyTo()).isEqualTo(REPLY_TO);
        assertThat(envelope.attempt()).isEqualTo(1);
        assertThat(envelope.keyId()).isEqualTo("k1");
        assertThat(envelope.signature()).hasSize(32);
        assertThat(sealer.open(envelope, Binding.of("test-queue", "task")))
                .isEqualTo(new Resize("img-42", 128));
    }

    @Test
    void aMessageWithoutReplyToSealsAndOpens() {
        Envelope envelope =
                sealer.seal(
                        new Heading(ID, TYPE, NOW, null, 1, Binding.of("test-queue", "task")),
                        new Resize("img-1", 1));

        assertThat(envelope.replyTo()).isNull();
        assertThat(sealer.open(envelope, Binding.of("test-queue", "task")))
                .isEqualTo(new Resize("img-1", 1));
    }

    @Test
    void sealingAPayloadLargerThanTheCapFailsNamingTheMessage() {
        assertThatThrownBy(
                        () ->
                                sealer.seal(
                                        new Heading(
                                                ID,
                                                TYPE,
                                                NOW,
                                                REPLY_TO,
                                                1,
                                                Binding.of("test-queue", "task")),
                                        new Resize("x".repeat(MAX_BODY), 1)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining(ID)
                .hasMessageContaining("maxBodyBytes (" + MAX_BODY + ")");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItsSignatureIsChecked() {
        Envelope oversized = withBody(sealed(), new byte[MAX_BODY + 1]);

        assertThatThrownBy(() -> sealer.open(oversized, Binding.of("test-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.OVERSIZED))
                .hasMessageContaining(ID)
                .hasMessageContaining(String.valueOf(MAX_BODY + 1));
        assertThat(signer.verifications).hasValue(0);
        assertThat(codec.decodes).hasValue(0);
    }

    @Test
    void aBodyOfExactlyTheCapIsNotOversized() {
        Envelope atTheCap = withBody(sealed(), new byte[MAX_BODY]);

        assertThat(reasonOf(sealer, atTheCap)).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    private static Envelope withVersion(Envelope e, int version) {
        return copy(e, version, e.binding());
    }

    private static Envelope withBinding(Envelope e, Binding binding) {
        return copy(e, e.version(), binding);
    }

    private static Envelope copy(Envelope e, int version, Binding binding) {
        return new Envelope(
                version,
                e.messageId(),
                e.type(),
                e.timestamp(),
                e.replyTo(),
                e.attempt(),
                binding,
                e.keyId(),
                e.signature(),
                e.body(),
                e.annotations());
    }

    @Test
    void aLaterWireVersionIsRefusedAsUnsupported() {
        Envelope v3 = withVersion(sealed(), 3);

        assertThatThrownBy(() -> sealer.open(v3, Binding.of("test-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e2 -> assertThat(e2.reason()).isEqualTo(RejectReason.UNSUPPORTED_VERSION))
                .hasMessageContaining("version 3");
        assertThat(signer.verifications).hasValue(0);
    }

    @Test
    void aVersionOneMessageIsRefusedWithAReasonThatSaysSo() {
        Envelope v1 = withVersion(sealed(), 1);

        assertThatThrownBy(() -> sealer.open(v1, Binding.of("test-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_VERSION))
                .hasMessageContaining("is a Warren v1 message")
                .hasMessageContaining("reads only v2");
        assertThat(signer.verifications).hasValue(0);
    }

    @Test
    void missingWarrenHeadersAreRefusedAsUnsupported() {
        Envelope e = sealed();
        Envelope noId =
                new Envelope(
                        e.version(),
                        null,
                        e.type(),
                        e.timestamp(),
                        e.replyTo(),
                        e.attempt(),
                        e.binding(),
                        e.keyId(),
                        e.signature(),
                        e.body(),
                        null);
        Envelope noType =
                new Envelope(
                        e.version(),
                        e.messageId(),
                        null,
                        e.timestamp(),
                        e.replyTo(),
                        e.attempt(),
                        e.binding(),
                        e.keyId(),
                        e.signature(),
                        e.body(),
                        null);
        Envelope attemptZero =
                new Envelope(
                        e.version(),
                        e.messageId(),
                        e.type(),
                        e.timestamp(),
                        e.replyTo(),
                        0,
                        e.binding(),
                        e.keyId(),
                        e.signature(),
                        e.body(),
                        null);

        assertThat(List.of(noId, noType, attemptZero))
                .extracting(envelope -> reasonOf(sealer, envelope))
                .containsOnly(RejectReason.UNSUPPORTED_VERSION);
    }

    @Test
    void aTamperedBodyIsRefusedAsBadSignatureWithoutDecoding() {
        Envelope e = sealed();
        byte[] tampered = e.body().clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(reasonOf(sealer, withBody(e, tampered))).isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(codec.decodes).hasValue(0);
    }

    @Test
    void aRedirectedReplyIsRefusedAsBadSignature() {
        Envelope e = sealed();
        Envelope redirected =
                new Envelope(
                        e.version(),
                        e.messageId(),
                        e.type(),
                        e.timestamp(),
                        "warren.reply.attacker",
                        e.attempt(),
                        e.binding(),
                        e.keyId(),
                        e.signature(),
                        e.body(),
                        e.annotations());

        assertThat(reasonOf(sealer, redirected)).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void anUnsignedMessageIsRefusedAsMissingSignature() {
        Envelope e = sealed();
        Envelope unsigned =
                new Envelope(
                        e.version(),
                        e.messageId(),
                        e.type(),
                        e.timestamp(),
                        e.replyTo(),
                        e.attempt(),
                        e.binding(),
                        null,
                        null,
                        e.body(),
                        e.annotations());

        assertThatThrownBy(() -> sealer.open(unsigned, Binding.of("test-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(RejectReason.MISSING_SIGNATURE))
                .hasMessageContaining(ID);
        assertThat(codec.decodes).hasValue(0);
    }

    @Test
    void aMessageSignedWithAnUnknownKeyIsRefusedAsUnknownKey() {
        MessageSealer stranger =
                new MessageSealer(
                        KryoCodec.of(REGISTRATIONS),
                        HmacSigner.of(SigningKeys.of("k9", filled(32, 6))),
                        MAX_BODY);
        Envelope fromStranger =
                stranger.seal(
                        new Heading(ID, TYPE, NOW, REPLY_TO, 1, Binding.of("test-queue", "task")),
                        new Resize("img", 1));

        assertThat(reasonOf(sealer, fromStranger)).isEqualTo(RejectReason.UNKNOWN_KEY);
        assertThat(codec.decodes).hasValue(0);
    }

    @Test
    void aCorrectlySignedBodyNamingAnUnregisteredClassIsRefusedAsUnregistered() {
        Map<Class<?>, Integer> more = new HashMap<>(REGISTRATIONS);
        more.put(Extra.class, 150);
        MessageSealer peerWithMoreClasses =
                new MessageSealer(KryoCodec.of(more), HmacSigner.of(KEYS), MAX_BODY);
        Envelope envelope =
                peerWithMoreClasses.seal(
                        new Heading(
                                ID,
                                Extra.class.getName(),
                                NOW,
                                REPLY_TO,
                                1,
                                Binding.of("test-queue", "task")),
                        new Extra("hello"));

        assertThatThrownBy(() -> sealer.open(envelope, Binding.of("test-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNREGISTERED_CLASS))
                .hasMessageContaining(ID)
                .hasMessageContaining(Extra.class.getName());
        assertThat(signer.verifications).hasValue(1);
    }

    @Test
    void aCorrectlySignedGarbageBodyIsRefusedAsUndecodable() {
        Envelope e = sealed();
        byte[] truncated = Arrays.copyOf(e.body(), e.body().length - 2);
        Envelope garbage =
                sealer.reseal(
                        withBody(e, truncated),
                        new Heading(
                                withBody(e, truncated).messageId(),
                                withBody(e, truncated).type(),
                                NOW,
                                withBody(e, truncated).replyTo(),
                                1,
                                Binding.of("test-queue", "task")));

        assertThatThrownBy(() -> sealer.open(garbage, Binding.of("test-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(RejectReason.UNDECODABLE))
                .hasMessageContaining(ID);
    }

    @Test
    void resealingChangesAttemptAndTimestampAndStillVerifies() {
        Envelope original =
                sealed().annotate(Map.of(Headers.DEAD_REASON, RejectReason.FAILED.name()));

        Envelope retry =
                sealer.reseal(
                        original,
                        new Heading(
                                original.messageId(),
                                original.type(),
                                NOW + 5_000,
                                original.replyTo(),
                                2,
                                Binding.of("test-queue", "task")));

        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.timestamp()).isEqualTo(NOW + 5_000);
        assertThat(retry.signature()).isNotEqualTo(original.signature());
        assertThat(retry.body()).isEqualTo(original.body());
        assertThat(retry.messageId()).isEqualTo(ID);
        assertThat(retry.replyTo()).isEqualTo(REPLY_TO);
        assertThat(retry.annotations()).containsEntry(Headers.DEAD_REASON, "FAILED");
        assertThat(sealer.open(retry, Binding.of("test-queue", "task")))
                .isEqualTo(new Resize("img-42", 128));
    }

    @Test
    void theOldSignatureDoesNotCoverAResealedAttempt() {
        Envelope original = sealed();
        Envelope retry =
                sealer.reseal(
                        original,
                        new Heading(
                                original.messageId(),
                                original.type(),
                                NOW + 5_000,
                                original.replyTo(),
                                2,
                                Binding.of("test-queue", "task")));
        Envelope oldSignatureOnNewAttempt =
                new Envelope(
                        retry.version(),
                        retry.messageId(),
                        retry.type(),
                        retry.timestamp(),
                        retry.replyTo(),
                        retry.attempt(),
                        retry.binding(),
                        original.keyId(),
                        original.signature(),
                        retry.body(),
                        retry.annotations());

        assertThat(reasonOf(sealer, oldSignatureOnNewAttempt))
                .isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void verifyChecksWithoutDecoding() {
        sealer.verify(sealed());

        assertThat(signer.verifications).hasValue(1);
        assertThat(codec.decodes).hasValue(0);
    }

    /** Counts decodes, to show that no unverified body reaches the codec. */
    private static final class CountingCodec implements Codec {
        private final Codec delegate;
        final AtomicInteger decodes = new AtomicInteger();

        CountingCodec(Codec delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] encode(Object value) {
            return delegate.encode(value);
        }

        @Override
        public Object decode(byte[] bytes) {
            decodes.incrementAndGet();
            return delegate.decode(bytes);
        }
    }

    /** Counts verifications, to show which checks run before the signature is computed. */
    private static final class CountingSigner implements Signer {
        private final Signer delegate;
        final AtomicInteger verifications = new AtomicInteger();

        CountingSigner(Signer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Signature sign(SignedContent content) {
            return delegate.sign(content);
        }

        @Override
        public void verify(SignedContent content, String keyId, byte[] signature) {
            verifications.incrementAndGet();
            delegate.verify(content, keyId, signature);
        }
    }

    @Test
    void aMessageSignedForAnotherQueueIsRefusedAsMisdirectedBeforeDecoding() {
        Envelope forA = sealed();

        assertThatThrownBy(() -> sealer.open(forA, Binding.of("other-queue", "task")))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MISDIRECTED))
                .hasMessageContaining("'task' on 'test-queue'")
                .hasMessageContaining("'task' on 'other-queue'");
        assertThat(codec.decodes).hasValue(0);
    }

    @Test
    void theDestinationIsSignedSoRewritingItBreaksTheSignature() {
        Envelope moved = withBinding(sealed(), Binding.of("other-queue", "task"));

        assertThat(reasonOf(sealer, moved)).isEqualTo(RejectReason.BAD_SIGNATURE);
    }
}
