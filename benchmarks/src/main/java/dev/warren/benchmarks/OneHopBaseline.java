package dev.warren.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * PerfTest's one-hop figures on the same broker, what Warren's runs are compared with; empty with
 * {@code --no-perftest}, and then every ratio is {@code NaN}.
 *
 * @param maxRateByPayload the max-rate run per Warren payload size (keyed by the task's payload,
 *     measured at its encoded size)
 * @param lowRate the run at {@code lowRatePerSecond}, for the latency, or null
 */
record OneHopBaseline(
        Map<Integer, PerfTestRun.Result> maxRateByPayload,
        PerfTestRun.Result lowRate,
        int lowRatePerSecond) {

    static OneHopBaseline none() {
        return new OneHopBaseline(Map.of(), null, 0);
    }

    Optional<PerfTestRun.Result> maxRate(int payload) {
        return Optional.ofNullable(maxRateByPayload.get(payload));
    }

    Optional<PerfTestRun.Result> atLowRate() {
        return Optional.ofNullable(lowRate);
    }

    /** A task's round trip is two hops, so Warren's rate is set against half of PerfTest's. */
    double throughputRatio(int payload, double tasksPerSecond) {
        return maxRate(payload)
                .map(oneHop -> tasksPerSecond / (oneHop.receiveRate() / 2))
                .orElse(Double.NaN);
    }

    double latencyRatio(double p50Micros) {
        return atLowRate().map(oneHop -> p50Micros / oneHop.p50()).orElse(Double.NaN);
    }
}
