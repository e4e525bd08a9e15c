package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.TaskId;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class MissingBundlesTest {
    private static TaskRefusedException refused(TaskRefusedException.Reason reason) {
        return new TaskRefusedException(
                TaskId.random(), "com.acme.Task", reason, "host:1", true, List.of(), null);
    }

    @Test
    void aRefusalForAMissingBundleIsWorthSendingAgainEvenWrapped() {
        TaskRefusedException missing = refused(TaskRefusedException.Reason.BUNDLE_MISSING);
        assertThat(MissingBundles.isMissingBundle(missing)).isTrue();
        assertThat(MissingBundles.isMissingBundle(new CompletionException(missing))).isTrue();
    }

    @Test
    void otherRefusalsAndFailuresAreNot() {
        assertThat(
                        MissingBundles.isMissingBundle(
                                refused(TaskRefusedException.Reason.BUNDLE_REFUSED)))
                .isFalse();
        assertThat(
                        MissingBundles.isMissingBundle(
                                refused(TaskRefusedException.Reason.CODE_NOT_ACCEPTED)))
                .isFalse();
        assertThat(MissingBundles.isMissingBundle(new IllegalStateException("x"))).isFalse();
        assertThat(MissingBundles.isMissingBundle(new CompletionException(null))).isFalse();
    }
}
