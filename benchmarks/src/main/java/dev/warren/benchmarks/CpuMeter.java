package dev.warren.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process, from {@code /proc/<pid>/stat} (Linux; user + system), so a run
 * can say how many CPU microseconds each party (client, workers, broker) spent per message. On a
 * 2-core machine where everything is CPU-bound, that is where the throughput goes; it is also far
 * less noisy than rates while other work shares the machine. Returns NaN where {@code /proc} is
 * missing.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux

    private CpuMeter() {}

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 0, utime field 11, stime field 12
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double self() {
        return ((com.sun.management.OperatingSystemMXBean)
                                ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** The RabbitMQ node on this host (Erlang's beam.smp), if there is one. */
    static OptionalLong brokerPid() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(
                            p -> {
                                try {
                                    return Files.readString(p.resolve("comm"))
                                            .trim()
                                            .startsWith("beam");
                                } catch (IOException e) {
                                    return false;
                                }
                            })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static double broker() {
        OptionalLong pid = brokerPid();
        return pid.isPresent() ? seconds(pid.getAsLong()) : Double.NaN;
    }
}
