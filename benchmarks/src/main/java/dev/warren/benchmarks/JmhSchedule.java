package dev.warren.benchmarks;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How JMH runs the sealer benchmark. Warm-up iterations and iteration time have no flags: 3 x 1 s,
 * or 1 x 0.2 s in a smoke run.
 */
record JmhSchedule(
        int forks, int warmupIterations, int measurementIterations, TimeValue iterationTime) {

    static JmhSchedule of(boolean smoke, int forks, int measurementIterations) {
        return new JmhSchedule(
                forks,
                smoke ? 1 : 3,
                measurementIterations,
                TimeValue.milliseconds(smoke ? 200 : 1000));
    }
}
