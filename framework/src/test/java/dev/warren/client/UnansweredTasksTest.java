package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.TaskId;
import dev.warren.internal.transport.Topology;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a timeout says about the task's queue. */
class UnansweredTasksTest {

    @Test
    void aQueueWithoutConsumersIsNamedWithItsReadyMessages() {
        assertThat(UnansweredTasks.explain("warren.q", new Topology.Depth(3, 0)))
                .startsWith("no worker consumes warren.q (0 consumers, 3 ready)");
    }

    @Test
    void aQueueWithConsumersSaysThatNoneAnswered() {
        assertThat(UnansweredTasks.explain("warren.q", new Topology.Depth(0, 2)))
                .startsWith("2 consumers on warren.q (0 ready) but none answered")
                .contains("warren.q.dead");
    }

    @Test
    void theTimeoutMessageCarriesTheExplanation() {
        TaskId id = TaskId.random();
        assertThat(
                        new TaskTimeoutException(id, "a.b.Echo", Duration.ofSeconds(1), "why")
                                .getMessage())
                .isEqualTo("Task Echo " + id + " gave no reply within PT1S: why");
    }
}
