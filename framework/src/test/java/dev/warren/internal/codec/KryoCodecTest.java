package dev.warren.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KryoCodecTest {

    record Inner(String label, long count) {}

    record Everything(
            String name,
            Inner inner,
            List<Integer> immutableList,
            Map<String, Integer> immutableMap,
            ArrayList<String> mutableList,
            UUID id,
            Instant at,
            byte[] payload,
            Inner missing) {}

    record NotRegistered(int x) {}

    record Extra(String text) {}

    private static final Map<Class<?>, Integer> REGISTRATIONS =
            Map.of(Everything.class, 100, Inner.class, 101);

    private final KryoCodec codec = KryoCodec.of(REGISTRATIONS);

    private static Everything sample(int n) {
        ArrayList<String> mutable = new ArrayList<>(List.of("a" + n, "b", "c"));
        return new Everything(
                "task-" + n,
                new Inner("inner-" + n, n * 1_000_000_007L),
                List.of(n, n + 1, n + 2),
                Map.of("one", 1, "n", n),
                mutable,
                new UUID(n, -n),
                Instant.ofEpochSecond(1_700_000_000L + n, n),
                new byte[] {(byte) n, 0, -1, 127},
                null);
    }

    private static void assertSame(Everything actual, Everything expected) {
        // records compare byte[] by identity, so compare that component on its own
        assertThat(actual).usingRecursiveComparison().ignoringFields("payload").isEqualTo(expected);
        assertThat(actual.payload()).containsExactly(expected.payload());
    }

    @Test
    void recordWithNestedRecordCollectionsAndJdkTypesSurvivesARoundTrip() {
        Everything original = sample(7);

        Object back = codec.decode(codec.encode(original));

        assertThat(back).isInstanceOf(Everything.class);
        Everything decoded = (Everything) back;
        assertSame(decoded, original);
        assertThat(decoded.missing()).isNull();
        assertThat(decoded.mutableList()).isInstanceOf(ArrayList.class);
        assertThat(decoded.immutableList()).containsExactly(7, 8, 9);
        assertThat(decoded.immutableMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("one", 1, "n", 7));
        assertThatThrownBy(() -> decoded.immutableList().add(1))
                .as("List.of stays immutable")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void largerImmutableCollectionsAndEmptyOnesSurviveARoundTrip() {
        List<Integer> many = List.of(1, 2, 3, 4, 5);
        Map<String, Integer> bigMap = Map.of("a", 1, "b", 2, "c", 3);

        assertThat(codec.decode(codec.encode(many))).isEqualTo(many);
        assertThat(codec.decode(codec.encode(bigMap))).isEqualTo(bigMap);
        assertThat(codec.decode(codec.encode(List.of()))).isEqualTo(List.of());
        assertThat(codec.decode(codec.encode(Map.of()))).isEqualTo(Map.of());
    }

    @Test
    void nullSurvivesARoundTrip() {
        byte[] bytes = codec.encode(null);

        assertThat(bytes).isNotEmpty();
        assertThat(codec.decode(bytes)).isNull();
    }

    @Test
    void encodingAnUnregisteredClassFailsNamingTheClass() {
        assertThatThrownBy(() -> codec.encode(new NotRegistered(1)))
                .isInstanceOfSatisfying(
                        CodecException.class, e -> assertThat(e.isUnregisteredClass()).isTrue())
                .hasMessageContaining(NotRegistered.class.getName());
    }

    @Test
    void encodingARegisteredRecordHoldingAnUnregisteredValueFails() {
        Everything holdsAStranger =
                new Everything(
                        "x",
                        null,
                        List.of(),
                        Map.of(),
                        new ArrayList<>(List.of()),
                        null,
                        null,
                        null,
                        null);
        ArrayList<Object> list = new ArrayList<>();
        list.add(new NotRegistered(2));

        assertThat(codec.decode(codec.encode(holdsAStranger))).isNotNull();
        assertThatThrownBy(() -> codec.encode(list))
                .isInstanceOfSatisfying(
                        CodecException.class, e -> assertThat(e.isUnregisteredClass()).isTrue())
                .hasMessageContaining(NotRegistered.class.getName());
    }

    @Test
    void decodingBytesThatNameAnUnknownClassIdFailsAsUnregistered() {
        Map<Class<?>, Integer> more = new java.util.HashMap<>(REGISTRATIONS);
        more.put(Extra.class, 150);
        byte[] fromAHostWithMoreClasses = KryoCodec.of(more).encode(new Extra("hello"));

        assertThatThrownBy(() -> codec.decode(fromAHostWithMoreClasses))
                .isInstanceOfSatisfying(
                        CodecException.class, e -> assertThat(e.isUnregisteredClass()).isTrue())
                .hasMessageContaining("150");
    }

    @Test
    void emptyBytesFailWithCodecException() {
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOfSatisfying(
                        CodecException.class, e -> assertThat(e.isUnregisteredClass()).isFalse());
    }

    @Test
    void everyTruncationOfAValidEncodingFailsWithCodecException() {
        byte[] full = codec.encode(sample(3));

        for (int length = 0; length < full.length; length++) {
            byte[] truncated = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> codec.decode(truncated))
                    .as("decoding the first %d of %d bytes", length, full.length)
                    .isInstanceOf(CodecException.class);
        }
    }

    @Test
    void bytesLeftOverAfterTheValueFailWithCodecException() {
        byte[] full = codec.encode(sample(4));
        byte[] padded = Arrays.copyOf(full, full.length + 3);

        assertThatThrownBy(() -> codec.decode(padded))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("3 bytes left over");
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButCodecException() {
        Random random = new Random(20240611L);
        int refused = 0;
        int tries = 400;
        for (int i = 0; i < tries; i++) {
            byte[] garbage = new byte[1 + random.nextInt(64)];
            random.nextBytes(garbage);
            if (!decodesOrFailsWithCodecException(garbage)) {
                refused++;
            }
        }
        // some random arrays happen to be valid (a null, a small number); most are not
        assertThat(refused).isGreaterThan(tries / 2);
    }

    @Test
    void randomBitFlipsInAValidEncodingNeverEscapeAsAnythingButCodecException() {
        Random random = new Random(42L);
        byte[] valid = codec.encode(sample(5));
        int refused = 0;
        int tries = 400;
        for (int i = 0; i < tries; i++) {
            byte[] damaged = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int bit = random.nextInt(damaged.length * 8);
                damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            if (!decodesOrFailsWithCodecException(damaged)) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aHugeLengthPrefixFailsWithCodecExceptionInsteadOfAllocating() {
        // class id of byte[] (18, written +2), then a varint length of about 2^31
        byte[] claimsTwoGigabytes = {20, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};

        assertThatThrownBy(() -> codec.decode(claimsTwoGigabytes))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void nestingDeeperThanTheMaximumFailsWithCodecExceptionInsteadOfOverflowingTheStack() {
        byte[] empty = codec.encode(new ArrayList<>());
        byte[] one = codec.encode(new ArrayList<>(List.of(new ArrayList<>())));
        byte[] prefix = Arrays.copyOf(one, one.length - empty.length);
        int depth = 200_000;
        byte[] deep = new byte[prefix.length * depth + empty.length];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(prefix, 0, deep, i * prefix.length, prefix.length);
        }
        System.arraycopy(empty, 0, deep, prefix.length * depth, empty.length);

        assertThatThrownBy(() -> codec.decode(deep))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("depth");
    }

    @Test
    void nestingUpToTheMaximumSurvivesARoundTrip() {
        Object nested = new ArrayList<>();
        for (int i = 1; i < KryoCodec.MAX_DEPTH; i++) {
            nested = new ArrayList<>(List.of(nested));
        }

        assertThat(codec.decode(codec.encode(nested))).isEqualTo(nested);
    }

    /** True when the bytes decoded; false when they were refused with a CodecException. */
    private boolean decodesOrFailsWithCodecException(byte[] bytes) {
        try {
            codec.decode(bytes);
            return true;
        } catch (CodecException expected) {
            return false;
        } catch (Throwable other) {
            fail(
                    "decoding %s threw %s instead of CodecException",
                    HexFormat.of().formatHex(bytes), other);
            return false;
        }
    }

    @Test
    void twoClassesWithTheSameIdAreRefused() {
        Map<Class<?>, Integer> clash = Map.of(Inner.class, 120, Extra.class, 120);

        assertThatThrownBy(() -> KryoCodec.of(clash))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("120")
                .hasMessageContaining(Inner.class.getName())
                .hasMessageContaining(Extra.class.getName());
    }

    @Test
    void anIdTakenByABuiltInTypeIsRefused() {
        assertThatThrownBy(() -> KryoCodec.of(Map.of(Extra.class, 24)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("24");
    }

    @Test
    void encodingMoreThanTheLimitFailsWithCodecException() {
        KryoCodec small = KryoCodec.of(REGISTRATIONS, 1024);

        assertThatThrownBy(() -> small.encode(new byte[4096]))
                .isInstanceOfSatisfying(
                        CodecException.class, e -> assertThat(e.isUnregisteredClass()).isFalse());
        assertThat((byte[]) small.decode(small.encode(new byte[100]))).hasSize(100);
    }

    @Test
    void eightThreadsEncodingAndDecodingAtOnceGetTheirOwnValuesBack() throws Exception {
        int threads = 8;
        int roundsPerThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                jobs.add(
                        () -> {
                            int checked = 0;
                            for (int i = 0; i < roundsPerThread; i++) {
                                Everything original = sample(thread * 10_000 + i);
                                Everything back = (Everything) codec.decode(codec.encode(original));
                                assertSame(back, original);
                                checked++;
                            }
                            return checked;
                        });
            }
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(jobs, 30, TimeUnit.SECONDS)) {
                total += result.get();
            }
            assertThat(total).isEqualTo(threads * roundsPerThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
