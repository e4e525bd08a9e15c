package dev.warren.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.WarrenException;
import dev.warren.client.EagerClient;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EagerTasksTest {
    record Plain(int n) implements Task<Integer> {
        @Override
        public Integer run(TaskContext ctx) {
            return n * 2;
        }
    }

    record HoldsAFlag(AtomicBoolean ran) implements Task<Boolean> {
        @Override
        public Boolean run(TaskContext ctx) {
            ran.set(true);
            return true;
        }
    }

    @Test
    void aTaskRunsInTheTestsProcess() {
        try (EagerClient eager = EagerTasks.client()) {
            assertThat(eager.run(new Plain(21))).isEqualTo(42);
        }
    }

    @Test
    void aTaskHoldingAValueThatCannotTravelFailsBeforeItRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        try (EagerClient eager = EagerTasks.client()) {
            assertThatThrownBy(() -> eager.run(new HoldsAFlag(ran)))
                    .isInstanceOf(WarrenException.class)
                    .hasMessageContaining(AtomicBoolean.class.getName());
        }
        assertThat(ran).isFalse();
    }
}
