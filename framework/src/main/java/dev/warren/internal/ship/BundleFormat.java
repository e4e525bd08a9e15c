package dev.warren.internal.ship;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bundle's byte form, not Java serialization: the magic {@code WRNB}, a format version, the
 * task class name, the entry count, then each entry as name and bytes, names in strictly rising
 * order so one bundle has exactly one encoding. Names are length-prefixed UTF-8 (2 bytes), contents
 * length-prefixed (4 bytes).
 */
final class BundleFormat {
    static final int MAGIC = 0x57524E42; // "WRNB"
    static final int VERSION = 1;

    private BundleFormat() {}

    static byte[] encode(Bundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            writeName(out, bundle.taskClass());
            out.writeInt(bundle.entries().size());
            for (Map.Entry<String, byte[]> entry : bundle.entries().entrySet()) {
                writeName(out, entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws BundleRejectedException MALFORMED, saying what is wrong, for anything but an encoding
     *     this class wrote
     */
    static Bundle decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            if (in.getInt() != MAGIC || in.getShort() != VERSION) {
                throw malformed("it does not start with the bundle magic and version " + VERSION);
            }
            String taskClass = readName(in);
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw malformed("it claims " + count + " entries");
            }
            TreeMap<String, byte[]> entries = new TreeMap<>();
            String previous = null;
            for (int i = 0; i < count; i++) {
                String name = readName(in);
                if (!EntryNames.isSafe(name)) {
                    throw malformed("entry " + i + " has an unsafe name");
                }
                if (previous != null && previous.compareTo(name) >= 0) {
                    throw malformed("its entries are not in strictly rising name order");
                }
                int size = in.getInt();
                if (size < 0 || size > in.remaining()) {
                    throw malformed("entry " + name + " claims " + size + " bytes");
                }
                byte[] content = new byte[size];
                in.get(content);
                entries.put(name, content);
                previous = name;
            }
            if (in.hasRemaining()) {
                throw malformed(in.remaining() + " bytes follow its last entry");
            }
            return new Bundle(taskClass, entries);
        } catch (BufferUnderflowException e) {
            throw malformed("it ends in the middle of an entry");
        }
    }

    private static void writeName(DataOutputStream out, String name) throws IOException {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String readName(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[Math.min(length, in.remaining() + 1)];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static BundleRejectedException malformed(String why) {
        return new BundleRejectedException(
                BundleRejectedException.Problem.MALFORMED, "the bundle is malformed: " + why);
    }
}
