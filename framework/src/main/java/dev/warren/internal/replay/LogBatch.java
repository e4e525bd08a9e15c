package dev.warren.internal.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one worker appends to the log at once: who it is and what it took or settled since its last
 * batch. An empty batch says only that the worker is alive. Encoded by hand, small and strict: a
 * batch that does not decode exactly is refused whole.
 */
public record LogBatch(String worker, List<LogEntry> entries) {
    static final int MAX_ENTRIES = 4096;
    private static final int FORMAT = 1;
    private static final int MAX_WORKER_ID = 200;

    public LogBatch {
        entries = List.copyOf(entries);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + entries.size() * 29);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(worker);
            out.writeInt(entries.size());
            for (LogEntry entry : entries) {
                out.writeByte(entry.kind().ordinal());
                out.writeLong(entry.key().high());
                out.writeLong(entry.key().low());
                out.writeInt(entry.key().attempt());
                out.writeLong(entry.taskTimestamp());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException naming what is wrong
     */
    public static LogBatch decode(byte[] body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown log batch format " + format);
            }
            String worker = in.readUTF();
            if (worker.isEmpty() || worker.length() > MAX_WORKER_ID) {
                throw new IllegalArgumentException("worker id of length " + worker.length());
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_ENTRIES) {
                throw new IllegalArgumentException("batch of " + count + " entries");
            }
            LogEntry.Kind[] kinds = LogEntry.Kind.values();
            List<LogEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int kind = in.readUnsignedByte();
                if (kind >= kinds.length) {
                    throw new IllegalArgumentException("unknown entry kind " + kind);
                }
                TakenKey key = new TakenKey(in.readLong(), in.readLong(), in.readInt());
                entries.add(new LogEntry(kinds[kind], key, in.readLong()));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the last entry");
            }
            return new LogBatch(worker, entries);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated log batch", e);
        }
    }
}
