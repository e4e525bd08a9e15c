package dev.warren.transport;

import dev.warren.codec.Codec;
import dev.warren.codec.CodecException;
import dev.warren.security.InvalidSignatureException;
import dev.warren.security.Signature;
import dev.warren.security.SignedContent;
import dev.warren.security.Signer;
import java.util.Map;

/**
 * Encodes and signs outgoing messages, and opens incoming ones in the only safe order: size cap,
 * version, signature (constant time), and only then decoding. Thread-safe.
 *
 * <pre>{@code
 * Envelope out = sealer.seal(task, id, task.getClass().getName(), System.currentTimeMillis(), replyTo, 1);
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

    /** Encodes {@code payload} and signs it with the current key. */
    public Envelope seal(
            Object payload,
            String messageId,
            String type,
            long timestamp,
            String replyTo,
            int attempt) {
        byte[] body = codec.encode(payload);
        if (body.length > maxBodyBytes) {
            throw new PublishFailedException(
                    type
                            + " "
                            + messageId
                            + " encodes to "
                            + body.length
                            + " bytes, more than maxBodyBytes ("
                            + maxBodyBytes
                            + ")");
        }
        return sign(messageId, type, timestamp, replyTo, attempt, body, Map.of());
    }

    /**
     * The same body under a new attempt number and due time, signed again: how a retry is published
     * without decoding the task.
     */
    public Envelope reseal(Envelope original, int attempt, long timestamp) {
        return sign(
                original.messageId(),
                original.type(),
                timestamp,
                original.replyTo(),
                attempt,
                original.body(),
                original.annotations());
    }

    private Envelope sign(
            String messageId,
            String type,
            long timestamp,
            String replyTo,
            int attempt,
            byte[] body,
            Map<String, String> annotations) {
        Signature signature =
                signer.sign(
                        new SignedContent(
                                Headers.WIRE_VERSION,
                                messageId,
                                type,
                                timestamp,
                                replyTo,
                                attempt,
                                body));
        return new Envelope(
                Headers.WIRE_VERSION,
                messageId,
                type,
                timestamp,
                replyTo,
                attempt,
                signature.keyId(),
                signature.bytes(),
                body,
                annotations);
    }

    /** Checks the envelope and returns its decoded payload; never decodes an unverified body. */
    public Object open(Envelope envelope) {
        verify(envelope);
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
