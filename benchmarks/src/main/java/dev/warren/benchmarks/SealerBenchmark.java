package dev.warren.benchmarks;

import dev.warren.SigningKeys;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every task costs on the CPU at each end, without the broker: encode+sign ({@link
 * MessageSealer#seal}) on the producer, verify+decode ({@link MessageSealer#open}) on the worker,
 * and both. Single thread. Target: the 200-byte round trip in at most 5 us.
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/runtime-classpath.txt):benchmarks/target/classes" \
 *     org.openjdk.jmh.Main SealerBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class SealerBenchmark {
    private static final Binding BINDING = Binding.of("resize-images", "task");

    /** {@code 200B}: {@link ResizeImage#sample()}; {@code 10KB}: a {@link NoopTask} of 10 KiB. */
    @Param({"200B", "10KB"})
    public String task;

    private MessageSealer sealer;
    private Object payload;
    private Envelope sealed;
    private final String id = UUID.randomUUID().toString();
    private final String replyTo = "warren.reply.0123456789abcdef";

    @Setup
    public void setUp() {
        sealer = newSealer();
        payload = task.equals("200B") ? ResizeImage.sample() : new NoopTask(new byte[10 * 1024]);
        sealed = seal();
    }

    /** The sealer a Broker builds for the benchmark catalog, with a fresh random key. */
    static MessageSealer newSealer() {
        Map<Class<?>, Integer> registrations = Map.of(NoopTask.class, 900, ResizeImage.class, 901);
        int maxBody = 8 * 1024 * 1024;
        return new MessageSealer(
                KryoCodec.of(registrations, maxBody),
                HmacSigner.of(SigningKeys.parse(SigningKeys.generate("bench"), "benchmark")),
                maxBody);
    }

    private Envelope seal() {
        return sealer.seal(
                new Heading(
                        id, payload.getClass().getName(), 1_717_200_000_000L, replyTo, 1, BINDING),
                payload);
    }

    @Benchmark
    public Envelope encodeAndSign() {
        return seal();
    }

    @Benchmark
    public Object verifyAndDecode() {
        return sealer.open(sealed, BINDING);
    }

    @Benchmark
    public Object roundTrip() {
        return sealer.open(seal(), BINDING);
    }
}
