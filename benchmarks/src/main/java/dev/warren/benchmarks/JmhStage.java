package dev.warren.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** {@link SealerBenchmark} under JMH: what sealing and opening a task costs, without the broker. */
final class JmhStage {
    private final BenchmarkRun run;
    private final JmhSchedule schedule;

    JmhStage(BenchmarkRun run, JmhSchedule schedule) {
        this.run = run;
        this.schedule = schedule;
    }

    void run() throws RunnerException {
        System.out.println("JMH: MessageSealer seal/open, single thread ...");
        Collection<RunResult> results =
                new Runner(
                                new OptionsBuilder()
                                        .include(SealerBenchmark.class.getSimpleName())
                                        .forks(schedule.forks())
                                        .warmupIterations(schedule.warmupIterations())
                                        .measurementIterations(schedule.measurementIterations())
                                        .warmupTime(schedule.iterationTime())
                                        .measurementTime(schedule.iterationTime())
                                        .output(run.directory().resolve("jmh.log").toString())
                                        .build())
                        .run();
        double roundTrip200 = Double.NaN;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String task = result.getParams().getParam("task");
            double micros = result.getPrimaryResult().getScore();
            if (method.equals("roundTrip") && task.equals("200B")) {
                roundTrip200 = micros;
            }
            run.results().add(row(method + " " + task, task, micros, result));
        }
        run.results().verdict(TargetVerdicts.sealRoundTrip(roundTrip200));
    }

    private static Row row(String what, String task, double micros, RunResult result) {
        return new Row(
                "jmh",
                what,
                0,
                task.equals("200B")
                        ? SealerBenchmarkSizes.SMALL_BYTES
                        : SealerBenchmarkSizes.LARGE_BYTES,
                0,
                Double.NaN,
                1e6 / micros,
                Double.NaN,
                micros,
                Double.NaN,
                Double.NaN,
                String.format(
                        Locale.ROOT,
                        "mean %.3f us/op +- %.3f (JMH avgt; p50 column holds the mean)",
                        micros,
                        result.getPrimaryResult().getScoreError()));
    }
}
