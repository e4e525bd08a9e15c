package dev.warren.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.WarrenConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TaskTypesTest {
    enum Mood {
        CALM,
        BUSY
    }

    record Report(Mood mood, List<String> lines, Instant at, Map<String, Integer> counts) {}

    record Summarise(List<String> lines) implements Task<Report> {
        public Report run(TaskContext context) {
            return new Report(Mood.CALM, lines, Instant.EPOCH, Map.of());
        }
    }

    record SpawnThread(String name) implements Task<Thread> {
        public Thread run(TaskContext context) {
            return new Thread(name);
        }
    }

    record Loose(List<Object> values) implements Task<Void> {
        public Void run(TaskContext context) {
            return null;
        }
    }

    private static WarrenConfig.Builder config() {
        return WarrenConfig.custom().signingKeys(SigningKeys.of("k1", new byte[32]));
    }

    private final TaskTypes types = TaskTypes.forConfig(config().build(), Map.of());

    @Test
    void aTaskClassAndItsResultTypeEncodeOnceAdmittedWithoutAnyId() {
        types.admit(Summarise.class);
        Report report = new Report(Mood.BUSY, List.of("a"), Instant.now(), Map.of("a", 1));

        assertThat(types.codec().decode(types.codec().encode(report))).isEqualTo(report);
        assertThat(types.tasks()).containsExactly(Summarise.class);
    }

    @Test
    void beforeItsTaskIsAdmittedARecordDoesNotEncode() {
        assertThatThrownBy(() -> types.codec().encode(new Summarise(List.of())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Summarise.class.getName())
                .hasMessageNotContaining("kryo.register");
    }

    @Test
    void aLambdaIsRefusedWhenItIsFirstAdmitted() {
        Task<String> lambda = context -> "hi";

        assertThatThrownBy(() -> types.admit(lambda.getClass()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "is a lambda/anonymous class: write a record implementing Task");
    }

    @Test
    void aResultTypeThatCannotTravelIsRefusedAndNothingIsRegistered() {
        assertThatThrownBy(() -> types.admit(SpawnThread.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(SpawnThread.class.getName())
                .hasMessageContaining("java.lang.Thread");
        assertThat(types.codec().isRegistered(SpawnThread.class)).isFalse();
        assertThat(types.tasks()).isEmpty();
    }

    @Test
    void aValueOfAnUnregisteredClassFailsAtEncodeInWarrensWordsNamingTheClass() {
        types.admit(Loose.class);
        Loose loose = new Loose(new ArrayList<>(List.of(Thread.currentThread())));

        assertThatThrownBy(() -> types.codec().encode(loose))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("java.lang.Thread is not a type Warren sends")
                .hasMessageNotContaining("kryo.register")
                .hasMessageNotContaining("Note:");
    }

    @Test
    void theConfigurationsTaskClassesAreRegisteredWhenTheCodecIsBuilt() {
        TaskTypes named = TaskTypes.forConfig(config().tasks(Summarise.class).build(), Map.of());

        assertThat(named.codec().isRegistered(Report.class)).isTrue();
        assertThat(named.codec().isRegistered(Mood.class)).isTrue();
    }

    @Test
    void anExplicitIdWinsOverTheDerivedOne() {
        TaskTypes explicit =
                TaskTypes.forConfig(config().register(Summarise.class, 4242).build(), Map.of());
        explicit.admit(Summarise.class);
        byte[] withExplicitId = explicit.codec().encode(new Summarise(List.of()));
        types.admit(Summarise.class);

        assertThat(withExplicitId).isNotEqualTo(types.codec().encode(new Summarise(List.of())));
        assertThatThrownBy(() -> types.codec().decode(withExplicitId))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("class id 4242 is not on this process's allow-list");
    }

    @Test
    void classesAdmittedWhileOtherThreadsEncodeAndDecodeReachEveryPooledKryo() throws Exception {
        KryoCodec codec = types.codec();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> busy = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                busy.add(
                        threads.submit(
                                () -> {
                                    while (!stop.get()) {
                                        codec.decode(codec.encode(List.of("x", 1)));
                                    }
                                    return null;
                                }));
            }
            types.admit(Summarise.class);
            Report report = new Report(Mood.CALM, List.of(), Instant.EPOCH, Map.of());
            List<Future<Object>> after = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                after.add(threads.submit(() -> codec.decode(codec.encode(report))));
            }
            for (Future<Object> f : after) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(report);
            }
            stop.set(true);
            for (Future<?> f : busy) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
