package dev.warren.benchmarks;

import dev.warren.client.TaskClient;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One full-load run of no-op tasks through the running workers: an unmeasured warm-up, then the
 * measured tasks with their round trips in a histogram and the CPU each party spent per task.
 */
final class FullLoadRun {
    private final TaskClient client;
    private final WorkerFleet fleet;
    private final LoadOptions load;
    private final WorkerOptions workers;
    private final OneHopBaseline baseline;

    FullLoadRun(
            TaskClient client,
            WorkerFleet fleet,
            LoadOptions load,
            WorkerOptions workers,
            OneHopBaseline baseline) {
        this.client = client;
        this.fleet = fleet;
        this.load = load;
        this.workers = workers;
        this.baseline = baseline;
    }

    Row measure(int workerCount, int payload) throws InterruptedException {
        long tasks = FullLoadSize.tasks(load.tasks, load.bytesPerRun, payload);
        int window = FullLoadSize.window(load.window, payload);
        System.out.printf(
                "Warren: %d no-op tasks of %d B, %d in flight, %d workers ...%n",
                tasks, payload, window, workerCount);
        // before C2 has compiled the client's paths, its CPU per task reads 3-4 times higher
        TaskLoad.send(client, payload, FullLoadSize.warmUpTasks(tasks), window, null);
        Recorder recorder = new Recorder(3);
        double clientCpu = CpuMeter.self();
        double workerCpu = fleet.cpuSeconds();
        double brokerCpu = CpuMeter.broker();
        long start = System.nanoTime();
        TaskLoad.send(client, payload, tasks, window, recorder);
        double seconds = (System.nanoTime() - start) / 1e9;
        clientCpu = (CpuMeter.self() - clientCpu) / tasks * 1e6;
        workerCpu = (fleet.cpuSeconds() - workerCpu) / tasks * 1e6;
        brokerCpu = (CpuMeter.broker() - brokerCpu) / tasks * 1e6;
        Histogram h = recorder.getIntervalHistogram();
        double rate = tasks / seconds;
        System.out.printf(Locale.ROOT, "    %.0f tasks/s%n", rate);
        return new Row(
                "warren",
                "full load",
                workerCount,
                payload,
                tasks,
                seconds,
                rate,
                baseline.throughputRatio(payload, rate),
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9),
                String.format(
                                Locale.ROOT,
                                "CPU us/task: client %.0f, workers %.0f, broker %.0f; ",
                                clientCpu,
                                workerCpu,
                                brokerCpu)
                        + "window "
                        + window
                        + ", worker concurrency "
                        + workers.concurrency
                        + ", prefetch "
                        + workers.prefetch
                        + "; ratio = rate / (PerfTest one-hop rate / 2)");
    }
}
