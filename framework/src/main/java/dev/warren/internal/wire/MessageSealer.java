package dev.warren.internal.wire;

import dev.warren.PublishFailedException;
import dev.warren.WarrenConfig;
import dev.warren.internal.codec.Codec;
import dev.warren.internal.codec.CodecException;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.codec.TaskTypes;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.security.InvalidSignatureException;
import dev.warren.internal.security.Signature;
import dev.warren.internal.security.SignedContent;
import dev.warren.internal.security.Signer;
import java.util.Map;

/**
 * Encodes and signs outgoing messages, and opens incoming ones in the only safe order: size cap,
 * version, signature (constant time), and only then decoding. Thread-safe.
 *
 * <pre>{@code
 * Envelope out = sealer.seal(new Heading(id, task.getClass().getName(), now, replyTo, 1), task);
 * Object task = sealer.open(in);    // throws RejectedMessageException with the reason
 * }</pre>
 */
public final class MessageSealer {
    private final Codec codec;
    private final Signer signer;
    private final int maxBodyBytes;

    public MessageSealer(Codec codec, Signer signer, int maxBodyBytes) {
        this.codec = codec;
        this.signer = signer;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The sealer for a configuration, with Warren's own wire records besides the app's. */
    public static MessageSealer forConfig(WarrenConfig config, Map<Class<?>, Integer> ownTypes) {
        return new MessageSealer(
                TaskTypes.forConfig(config, ownTypes).codec(),
                HmacSigner.of(config.signingKeys()),
                config.maxBodyBytes());
    }

    /**
     * Lets values of {@code type} travel in what this sealer seals and opens (see {@link
     * KryoCodec#admitValue}); nothing for a codec that is not Kryo's.
     */
    public void admitValue(Class<?> type) {
        if (codec instanceof KryoCodec kryo) {
            kryo.admitValue(type);
        }
    }

    /** Encodes {@code payload} and signs it, with the heading, under the current key. */
    public Envelope seal(Heading heading, Object payload) {
        byte[] body = codec.encode(payload);
        if (body.length > maxBodyBytes) {
            throw new PublishFailedException(
                    heading.type()
                            + " "
                            + heading.messageId()
                            + " encodes to "
                            + body.length
                            + " bytes, more than maxBodyBytes ("
                            + maxBodyBytes
                            + ")");
        }
        return sign(heading, body, Map.of());
    }

    /**
     * The same body under a new heading, signed again, keeping the annotations: how a retry is
     * published without decoding the task.
     */
    public Envelope reseal(Envelope original, Heading heading) {
        return sign(heading, original.body(), original.annotations());
    }

    /** Signs {@code body} as it is, for messages of a fixed format that is not the codec's. */
    public Envelope sealBytes(Heading heading, byte[] body) {
        return sign(heading, body, Map.of());
    }

    private Envelope sign(Heading heading, byte[] body, Map<String, String> annotations) {
        Signature signature =
                signer.sign(
                        new SignedContent(
                                Headers.WIRE_VERSION,
                                heading.messageId(),
                                heading.type(),
                                heading.timestamp(),
                                heading.replyTo(),
                                heading.attempt(),
                                heading.binding().destination(),
                                heading.binding().purpose(),
                                body));
        return new Envelope(
                Headers.WIRE_VERSION,
                heading.messageId(),
                heading.type(),
                heading.timestamp(),
                heading.replyTo(),
                heading.attempt(),
                heading.binding(),
                signature.keyId(),
                signature.bytes(),
                body,
                annotations);
    }

    /**
     * Checks the envelope, and that it was signed for {@code expected} (this destination, this
     * purpose), and only then returns its decoded payload; never decodes an unverified body.
     */
    public Object open(Envelope envelope, Binding expected) {
        verifySignedFor(envelope, expected);
        try {
            return codec.decode(envelope.body());
        } catch (CodecException e) {
            throw new RejectedMessageException(
                    e.isUnregisteredClass()
                            ? RejectReason.UNREGISTERED_CLASS
                            : RejectReason.UNDECODABLE,
                    "message "
                            + envelope.messageId()
                            + " ("
                            + envelope.type()
                            + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The checks of {@link #open} without decoding: {@link #verify}, and the binding. */
    public void verifySignedFor(Envelope envelope, Binding expected) {
        verify(envelope);
        if (!expected.equals(envelope.binding())) {
            throw new RejectedMessageException(
                    RejectReason.MISDIRECTED,
                    "message "
                            + envelope.messageId()
                            + " is signed for "
                            + describe(envelope.binding())
                            + ", not for "
                            + describe(expected));
        }
    }

    private static String describe(Binding binding) {
        return "'" + binding.purpose() + "' on '" + binding.destination() + "'";
    }

    /** The checks of {@link #open} without decoding: size, version, signature. */
    public void verify(Envelope envelope) {
        if (envelope.body().length > maxBodyBytes) {
            throw new RejectedMessageException(
                    RejectReason.OVERSIZED,
                    "message "
                            + envelope.messageId()
                            + " has a body of "
                            + envelope.body().length
                            + " bytes, more than maxBodyBytes ("
                            + maxBodyBytes
                            + ")");
        }
        if (envelope.version() > 0 && envelope.version() < Headers.WIRE_VERSION) {
            throw new RejectedMessageException(
                    RejectReason.UNSUPPORTED_VERSION,
                    "message "
                            + envelope.messageId()
                            + " is a Warren v"
                            + envelope.version()
                            + " message; this process reads only v"
                            + Headers.WIRE_VERSION
                            + ", whose signature also covers the destination and purpose: upgrade"
                            + " the process that sent it");
        }
        if (envelope.version() != Headers.WIRE_VERSION
                || envelope.messageId() == null
                || envelope.type() == null
                || envelope.attempt() < 1) {
            throw new RejectedMessageException(
                    RejectReason.UNSUPPORTED_VERSION,
                    "message "
                            + envelope.messageId()
                            + " is not a Warren v"
                            + Headers.WIRE_VERSION
                            + " message (version "
                            + envelope.version()
                            + ", type "
                            + envelope.type()
                            + ", attempt "
                            + envelope.attempt()
                            + ")");
        }
        try {
            signer.verify(
                    new SignedContent(
                            envelope.version(),
                            envelope.messageId(),
                            envelope.type(),
                            envelope.timestamp(),
                            envelope.replyTo(),
                            envelope.attempt(),
                            envelope.binding().destination(),
                            envelope.binding().purpose(),
                            envelope.body()),
                    envelope.keyId(),
                    envelope.signature());
        } catch (InvalidSignatureException e) {
            RejectReason reason =
                    switch (e.problem()) {
                        case MISSING_SIGNATURE -> RejectReason.MISSING_SIGNATURE;
                        case UNKNOWN_KEY -> RejectReason.UNKNOWN_KEY;
                        case BAD_SIGNATURE -> RejectReason.BAD_SIGNATURE;
                    };
            throw new RejectedMessageException(reason, e.getMessage(), e);
        }
    }
}
