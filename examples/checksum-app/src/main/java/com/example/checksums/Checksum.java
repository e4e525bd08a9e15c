package com.example.checksums;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checksums bytes sent along with the task (100 KB travel fine). */
@TaskOptions(queue = "checksums", timeoutSeconds = 30)
public record Checksum(String name, byte[] data) implements Task<ChecksumReport> {
    static final int CHUNK = 16 * 1024;

    @Override
    public ChecksumReport run(TaskContext ctx) throws NoSuchAlgorithmException {
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < data.length; from += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(data, from, Math.min(data.length, from + CHUNK));
            chunks.add(hex(chunk).substring(0, 8));
        }
        return new ChecksumReport(
                hex(data), List.copyOf(chunks), kind(), Instant.now(), commonBytes());
    }

    private Kind kind() {
        for (byte b : data) {
            if ((b < 32 || b > 126) && b != '\n' && b != '\r' && b != '\t') {
                return Kind.BINARY;
            }
        }
        return Kind.TEXT;
    }

    private Map<String, Integer> commonBytes() {
        int[] counts = new int[256];
        for (byte b : data) {
            counts[b & 0xff]++;
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        java.util.stream.IntStream.range(0, 256)
                .boxed()
                .sorted(Comparator.comparingInt((Integer v) -> counts[v]).reversed())
                .limit(3)
                .forEach(v -> top.put(String.format("%02x", v), counts[v]));
        return Map.copyOf(top);
    }

    static String hex(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
