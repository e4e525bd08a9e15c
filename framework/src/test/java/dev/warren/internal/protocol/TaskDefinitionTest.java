package dev.warren.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {

    @TaskOptions(
            queue = "thumbnails",
            maxAttempts = 3,
            timeoutSeconds = 30,
            retryDelayMillis = 250,
            nonRetryable = {IllegalArgumentException.class, IOException.class})
    record MakeThumbnail(String imageId) implements Task<String> {
        @Override
        public String run(TaskContext context) {
            return imageId;
        }
    }

    record Plain() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    @TaskOptions(queue = "has space")
    record BadQueue() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    @TaskOptions(maxAttempts = 0)
    record NoAttempts() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    @TaskOptions(timeoutSeconds = 0)
    record NoTime() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    @TaskOptions(retryDelayMillis = -1)
    record NegativeDelay() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    record NotATask(String x) {}

    @Test
    void readsTheTaskOptionsAnnotation() {
        TaskDefinition d = TaskDefinition.of(MakeThumbnail.class);

        assertThat(d.type()).isEqualTo(MakeThumbnail.class);
        assertThat(d.queue()).isEqualTo("thumbnails");
        assertThat(d.maxAttempts()).isEqualTo(3);
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.retryDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(d.nonRetryable())
                .containsExactly(IllegalArgumentException.class, IOException.class);
    }

    @Test
    void aTaskWithoutTheAnnotationGetsTheDefaults() {
        TaskDefinition d = TaskDefinition.of(Plain.class);

        assertThat(d.queue()).isEqualTo("default");
        assertThat(d.maxAttempts()).isEqualTo(1);
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(d.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.nonRetryable()).isEmpty();
    }

    @Test
    void theDefinitionIsReadOnceAndShared() {
        assertThat(TaskDefinition.of(MakeThumbnail.class))
                .isSameAs(TaskDefinition.of(MakeThumbnail.class));
    }

    @Test
    void anInvalidQueueNameFailsNamingTheClass() {
        assertThatThrownBy(() -> TaskDefinition.of(BadQueue.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queue name")
                .hasMessageContaining("has space")
                .hasMessageContaining(BadQueue.class.getName());
    }

    @Test
    void zeroMaxAttemptsFailsNamingTheClass() {
        assertThatThrownBy(() -> TaskDefinition.of(NoAttempts.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxAttempts")
                .hasMessageContaining(NoAttempts.class.getName());
    }

    @Test
    void zeroTimeoutSecondsFailsNamingTheClass() {
        assertThatThrownBy(() -> TaskDefinition.of(NoTime.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("timeoutSeconds")
                .hasMessageContaining(NoTime.class.getName());
    }

    @Test
    void aNegativeRetryDelayFailsNamingTheClass() {
        assertThatThrownBy(() -> TaskDefinition.of(NegativeDelay.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("retryDelayMillis")
                .hasMessageContaining(NegativeDelay.class.getName());
    }

    @Test
    void aBadDefinitionFailsEveryTimeNotOnlyTheFirst() {
        assertThatThrownBy(() -> TaskDefinition.of(NoTime.class))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> TaskDefinition.of(NoTime.class))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aClassThatIsNotATaskIsRefused() {
        assertThatThrownBy(() -> TaskDefinition.of(NotATask.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(NotATask.class.getName())
                .hasMessageContaining(Task.class.getName());
    }

    @Test
    void nonRetryableExceptionsAndTheirSubclassesAreNotRetried() {
        TaskDefinition d = TaskDefinition.of(MakeThumbnail.class);

        assertThat(d.isRetryable(new IllegalArgumentException("bad id"))).isFalse();
        assertThat(d.isRetryable(new NumberFormatException("subclass"))).isFalse();
        assertThat(d.isRetryable(new FileNotFoundException("subclass of IOException"))).isFalse();
        assertThat(d.isRetryable(new IllegalStateException("other"))).isTrue();
        assertThat(d.isRetryable(new UncheckedIOException(new IOException("wrapped"))))
                .as("only the thrown type counts, not its cause")
                .isTrue();
        assertThat(TaskDefinition.of(Plain.class).isRetryable(new IllegalArgumentException()))
                .isTrue();
    }

    @Test
    void queueNamesAreChecked() {
        assertThat(TaskDefinition.checkQueueName("a")).isEqualTo("a");
        assertThat(TaskDefinition.checkQueueName("img.thumbs_v2-eu")).isEqualTo("img.thumbs_v2-eu");
        assertThat(TaskDefinition.checkQueueName("q".repeat(201))).hasSize(201);

        for (String bad : new String[] {"", ".hidden", "-x", "a/b", "q".repeat(202), "ä"}) {
            assertThatThrownBy(() -> TaskDefinition.checkQueueName(bad))
                    .as("queue name '%s'", bad)
                    .isInstanceOf(ConfigurationException.class);
        }
        assertThatThrownBy(() -> TaskDefinition.checkQueueName(null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("null");
    }

    @Test
    void theNonRetryableListCannotBeChanged() {
        TaskDefinition d = TaskDefinition.of(MakeThumbnail.class);

        assertThatThrownBy(() -> d.nonRetryable().add(RuntimeException.class))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
