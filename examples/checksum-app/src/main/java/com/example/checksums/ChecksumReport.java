package com.example.checksums;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link Checksum} found.
 *
 * @param sha256 the digest of all the bytes, in hex
 * @param chunkDigests the first 8 hex digits of the digest of each 16 KiB chunk
 * @param kind text when every byte is printable ASCII or a line break
 * @param computedAt when the worker finished
 * @param commonBytes the three most common byte values (as two hex digits) and their counts
 */
public record ChecksumReport(
        String sha256,
        List<String> chunkDigests,
        Kind kind,
        Instant computedAt,
        Map<String, Integer> commonBytes) {}
