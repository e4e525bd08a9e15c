#!/usr/bin/env bash
# Runs Warren's benchmarks and prints the table (see docs/benchmarks.md):
#   benchmarks/run.sh            JMH, PerfTest baseline, Warren end to end, backlog and client heap
#   benchmarks/run.sh --smoke    the same paths with tiny counts, in well under a minute (CI)
#   benchmarks/run.sh --help     every flag
#   benchmarks/run.sh --shipped-code   PerfTest, then workers from the worker jar alone (shipped code)
#                                      against workers with the jar, in alternating pairs
# Builds what it needs first (the framework, the worker jar and this module) unless
# WARREN_BENCH_NO_BUILD=1. Extra JVM options for the harness (the client) go in BENCH_JAVA_OPTS.
# Needs RabbitMQ, by default at amqp://guest:guest@127.0.0.1:5672 (--broker URI).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${WARREN_BENCH_NO_BUILD:-0}" != 1 ]]; then
    ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
fi
classpath="$(cat benchmarks/target/runtime-classpath.txt):benchmarks/target/classes"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "$classpath" dev.warren.benchmarks.EndToEndBenchmark "$@"
