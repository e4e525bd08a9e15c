package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JmhScheduleTest {
    @Test
    void aFullRunWarmsUpThreeTimesOneSecond() {
        JmhSchedule schedule = JmhSchedule.of(false, 1, 5);
        assertThat(schedule.forks()).isEqualTo(1);
        assertThat(schedule.warmupIterations()).isEqualTo(3);
        assertThat(schedule.measurementIterations()).isEqualTo(5);
        assertThat(schedule.iterationTime().convertTo(TimeUnit.MILLISECONDS)).isEqualTo(1000);
    }

    @Test
    void aSmokeRunWarmsUpOnceForAFifthOfASecond() {
        JmhSchedule schedule = JmhSchedule.of(true, 1, 1);
        assertThat(schedule.warmupIterations()).isEqualTo(1);
        assertThat(schedule.iterationTime().convertTo(TimeUnit.MILLISECONDS)).isEqualTo(200);
    }
}
