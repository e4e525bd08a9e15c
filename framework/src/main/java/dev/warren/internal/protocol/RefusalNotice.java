package dev.warren.internal.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker says about a message it refused before its signature verified, in a small fixed
 * format (never the codec's): a client may have to read it without being able to verify it, so
 * reading it allocates little and trusts nothing. {@link #macEcho} is the refused message's own
 * signature, as the worker received it: it proves that the sender saw that very message.
 *
 * <pre>{@code
 * byte[] body = new RefusalNotice("UNKNOWN_KEY", "host:42", List.of("k1"), task.signature()).encode();
 * RefusalNotice read = RefusalNotice.parse(body);   // IllegalArgumentException when malformed
 * }</pre>
 *
 * @param reason a {@link dev.warren.internal.wire.RejectReason} name
 * @param worker the refusing process, as {@code host:pid}
 * @param keyIds the ids of the keys the worker holds, its signing key first
 * @param macEcho the signature of the refused message, empty when it had none
 */
public record RefusalNotice(String reason, String worker, List<String> keyIds, byte[] macEcho) {
    /** Larger bodies are dropped before parsing; every notice the encoder makes fits. */
    public static final int MAX_BYTES = 4096;

    private static final int FORMAT = 1;
    private static final int MAX_TEXT = 128;
    private static final int MAX_KEYS = 8;
    private static final int MAX_MAC = 64;

    public RefusalNotice {
        reason = cut(reason);
        worker = cut(worker);
        keyIds = keyIds.stream().limit(MAX_KEYS).map(RefusalNotice::cut).toList();
        macEcho = macEcho == null ? new byte[0] : macEcho.clone();
        if (macEcho.length > MAX_MAC) {
            macEcho = new byte[0];
        }
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(reason);
            out.writeUTF(worker);
            out.writeByte(keyIds.size());
            for (String id : keyIds) {
                out.writeUTF(id);
            }
            out.writeByte(macEcho.length);
            out.write(macEcho);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when {@code body} is larger than {@link #MAX_BYTES}, of
     *     another format, or malformed
     */
    public static RefusalNotice parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a notice of " + body.length + " bytes, more than " + MAX_BYTES);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readUnsignedByte() != FORMAT) {
                throw new IllegalArgumentException("a notice of an unknown format");
            }
            String reason = in.readUTF();
            String worker = in.readUTF();
            int keys = in.readUnsignedByte();
            if (keys > MAX_KEYS) {
                throw new IllegalArgumentException("a notice naming " + keys + " keys");
            }
            List<String> keyIds = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) {
                keyIds.add(in.readUTF());
            }
            int macLength = in.readUnsignedByte();
            if (macLength > MAX_MAC) {
                throw new IllegalArgumentException("a notice echoing " + macLength + " bytes");
            }
            byte[] mac = in.readNBytes(macLength);
            if (mac.length != macLength || in.available() > 0) {
                throw new IllegalArgumentException("a notice of the wrong length");
            }
            return new RefusalNotice(reason, worker, keyIds, mac);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated notice", e);
        }
    }

    private static String cut(String text) {
        String value = text == null ? "" : text;
        return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
    }

    @Override
    public byte[] macEcho() {
        return macEcho.clone();
    }
}
