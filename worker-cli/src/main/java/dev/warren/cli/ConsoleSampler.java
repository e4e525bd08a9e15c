package dev.warren.cli;

import dev.warren.internal.text.SafeText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the fleet every {@link #PERIOD} into a {@link QueueHistory} of {@link #KEPT} samples per
 * queue (ten minutes), and serves it as {@code GET /api/rates}: per queue, one array per series,
 * oldest first.
 */
final class ConsoleSampler implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(2);
    static final int KEPT = 300;

    private static final Logger log = LoggerFactory.getLogger(ConsoleSampler.class);

    private final Supplier<Fleet.Snapshot> fleet;
    private final QueueHistory history = new QueueHistory(KEPT); // guarded by history
    private final ScheduledExecutorService timer;

    private ConsoleSampler(Supplier<Fleet.Snapshot> fleet) {
        this.fleet = fleet;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "warren-console-sampler");
                            t.setDaemon(true);
                            return t;
                        });
    }

    static ConsoleSampler start(Supplier<Fleet.Snapshot> fleet) {
        ConsoleSampler sampler = new ConsoleSampler(fleet);
        sampler.timer.scheduleWithFixedDelay(
                sampler::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            Fleet.Snapshot snapshot = fleet.get();
            synchronized (history) {
                history.record(System.currentTimeMillis(), snapshot.queues(), snapshot.workers());
            }
        } catch (RuntimeException e) {
            // the broker is away: this point is missing from the charts, the next one may not be
            log.debug("console sample skipped: {}", SafeText.of(e.getMessage()));
        }
    }

    String json() {
        Map<String, List<QueueHistory.Sample>> samples;
        synchronized (history) {
            samples = history.samples();
        }
        Map<String, Object> queues = new LinkedHashMap<>();
        samples.forEach((queue, points) -> queues.put(queue, columns(points)));
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("periodMillis", PERIOD.toMillis());
        rates.put("now", System.currentTimeMillis());
        rates.put("queues", queues);
        return JsonText.of(rates);
    }

    static Map<String, Object> columns(List<QueueHistory.Sample> points) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("at", column(points, QueueHistory.Sample::at));
        series.put("ready", column(points, QueueHistory.Sample::ready));
        series.put("unacked", column(points, QueueHistory.Sample::unacked));
        series.put("consumers", column(points, QueueHistory.Sample::consumers));
        series.put("publish", column(points, QueueHistory.Sample::publishPerSecond));
        series.put("deliver", column(points, QueueHistory.Sample::deliverPerSecond));
        series.put("ack", column(points, QueueHistory.Sample::ackPerSecond));
        series.put("p50", column(points, QueueHistory.Sample::p50Millis));
        series.put("p99", column(points, QueueHistory.Sample::p99Millis));
        return series;
    }

    private static List<Object> column(
            List<QueueHistory.Sample> points, Function<QueueHistory.Sample, Object> value) {
        List<Object> column = new ArrayList<>(points.size());
        points.forEach(p -> column.add(value.apply(p)));
        return column;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
