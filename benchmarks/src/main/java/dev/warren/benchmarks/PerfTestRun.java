package dev.warren.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs RabbitMQ PerfTest ({@code com.rabbitmq.perf.PerfTest}, from this module's classpath) in a
 * child JVM, one producer and one consumer on one queue, publisher confirms and manual acks, and
 * reads its summary: the one-hop rate and the consumer latency (publish to delivery).
 */
final class PerfTestRun {
    private static final Pattern RECEIVING = Pattern.compile("receiving rate avg: ([0-9.]+) msg/s");
    private static final Pattern SENDING = Pattern.compile("sending rate avg: ([0-9.]+) msg/s");
    private static final Pattern INTERVAL =
            Pattern.compile(
                    "time ([0-9.]+) s, .*received: ([0-9.]+) msg/s, min/median/75th/95th/99th consumer latency: ([0-9]+)/([0-9]+)/([0-9]+)/([0-9]+)/([0-9]+) µs");
    private static final Pattern LATENCY =
            Pattern.compile(
                    "consumer latency min/median/75th/95th/99th ([0-9]+)/([0-9]+)/([0-9]+)/([0-9]+)/([0-9]+) µs");

    /**
     * What PerfTest reported; latencies in microseconds. PerfTest's own summary includes its first
     * second (JIT warm-up, the queue filling), so when it printed at least three one-second
     * intervals the rate is the mean of the received rates of all but the first interval, and the
     * latencies are the medians of those intervals' p50 and p99.
     */
    record Result(
            double sendRate,
            double receiveRate,
            long p50,
            long p95,
            long p99,
            double clientCpuMicros,
            double brokerCpuMicros,
            String cmd) {}

    private PerfTestRun() {}

    /**
     * @param rate messages per second for the producer, or 0 for as fast as it goes
     */
    static Result run(
            String brokerUri,
            String queue,
            int size,
            int seconds,
            int rate,
            int confirmWindow,
            int prefetch,
            Path log)
            throws IOException, InterruptedException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "-h",
                                brokerUri,
                                "-x",
                                "1",
                                "-y",
                                "1",
                                "-c",
                                Integer.toString(confirmWindow),
                                "-q",
                                Integer.toString(prefetch),
                                "-s",
                                Integer.toString(Math.max(size, 12)),
                                "-f",
                                "persistent",
                                "-u",
                                queue,
                                "-ad",
                                "false",
                                "-z",
                                Integer.toString(seconds),
                                "-i",
                                "1"));
        if (rate > 0) {
            args.add("-r");
            args.add(Integer.toString(rate));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.rabbitmq.perf.PerfTest");
        command.addAll(args);
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        // CPU of PerfTest and of the broker between its first and its last one-second report
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        int firstCount = -1;
        int lastCount = -1;
        double[] first = null;
        double[] last = null;
        while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("PerfTest did not finish; see " + log);
            }
            int count = countIntervals(log);
            if (count > 0 && count != lastCount) {
                double[] now = {CpuMeter.seconds(process.pid()), CpuMeter.broker()};
                if (first == null) {
                    first = now;
                    firstCount = count;
                }
                last = now;
                lastCount = count;
            }
        }
        double send = Double.NaN;
        double receive = Double.NaN;
        long[] latency = null;
        List<double[]> intervals = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(log)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher i = INTERVAL.matcher(line);
                if (i.find()) {
                    intervals.add(
                            new double[] {
                                Double.parseDouble(i.group(2)),
                                Double.parseDouble(i.group(4)),
                                Double.parseDouble(i.group(7))
                            });
                    continue;
                }
                Matcher m = RECEIVING.matcher(line);
                if (m.find()) {
                    receive = Double.parseDouble(m.group(1));
                }
                m = SENDING.matcher(line);
                if (m.find()) {
                    send = Double.parseDouble(m.group(1));
                }
                if (!line.contains("time ")) {
                    m = LATENCY.matcher(line);
                    if (m.find()) {
                        latency =
                                new long[] {
                                    Long.parseLong(m.group(2)),
                                    Long.parseLong(m.group(4)),
                                    Long.parseLong(m.group(5))
                                };
                    }
                }
            }
        }
        if (Double.isNaN(receive) || latency == null) {
            throw new IOException(
                    "PerfTest printed no summary (exit code "
                            + process.exitValue()
                            + "); see "
                            + log);
        }
        double clientCpu = Double.NaN;
        double brokerCpu = Double.NaN;
        if (first != null && lastCount > firstCount && intervals.size() >= lastCount) {
            double messages = 0;
            for (int k = firstCount; k < lastCount; k++) {
                messages += intervals.get(k)[0];
            }
            clientCpu = (last[0] - first[0]) / messages * 1e6;
            brokerCpu = (last[1] - first[1]) / messages * 1e6;
        }
        if (intervals.size() >= 3) {
            List<double[]> steady = intervals.subList(1, intervals.size());
            receive = steady.stream().mapToDouble(r -> r[0]).average().orElse(receive);
            latency[0] = (long) median(steady, 1);
            latency[2] = (long) median(steady, 2);
        }
        return new Result(
                send,
                receive,
                latency[0],
                latency[1],
                latency[2],
                clientCpu,
                brokerCpu,
                "PerfTest " + String.join(" ", args));
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static int countIntervals(Path log) {
        try (var lines = Files.lines(log)) {
            return (int) lines.filter(l -> INTERVAL.matcher(l).find()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
