package dev.warren.examples.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private ProgressBar bar(Duration minInterval) {
        return new ProgressBar(out, "job", minInterval, clock::get);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKnownTotalShowsTheBarTheCountThePercentageAndTheTimeLeft() {
        clock.set(2_000_000_000L);
        String line = bar(Duration.ZERO).render(25, 100, 2_000_000_000L);
        assertThat(line)
                .isEqualTo("job [########......................]  25/100   25%  2.0s  ETA 6.0s");
    }

    @Test
    void anUnknownTotalShowsTheCountAndTheRate() {
        assertThat(bar(Duration.ZERO).render(50, -1, 2_000_000_000L))
                .isEqualTo("job 50 done  2.0s  25.0/s");
    }

    @Test
    void itRedrawsInPlaceAtMostOncePerIntervalButAlwaysTheLastTask() {
        ProgressBar bar = bar(Duration.ofMillis(100));
        bar.update(1, 3);
        clock.addAndGet(10_000_000L);
        bar.update(2, 3); // too soon: not drawn
        clock.addAndGet(10_000_000L);
        bar.update(3, 3); // the last: drawn anyway
        bar.finish();

        String text = printed();
        assertThat(text).startsWith("\rjob [").endsWith("\n");
        assertThat(text).contains("1/3", "3/3  100%").doesNotContain("2/3");
    }

    @Test
    void aLateOlderCountDoesNotMoveTheBarBack() {
        ProgressBar bar = bar(Duration.ZERO);
        bar.update(5, 10);
        bar.update(4, 10);
        assertThat(printed()).contains(" 5/10").doesNotContain(" 4/10");
    }
}
