package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import org.junit.jupiter.api.Test;

class SyncNamesTest {
    @Test
    void internalQueuesOfOnePrimitiveCannotCollideWithAnotherPrimitivesName() {
        assertThatThrownBy(() -> SyncNames.check("lock", "a#seq"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("lock name");
        assertThat(SyncNames.part(SyncNames.base("", "lock", "a"), "seq"))
                .isEqualTo("warren.sync.lock.a#seq");
    }

    @Test
    void blankOrOverlongNamesAreRefusedWithASentence() {
        assertThatThrownBy(() -> SyncNames.check("semaphore", " "))
                .hasMessageStartingWith("semaphore name must be");
        assertThatThrownBy(() -> SyncNames.check("event", "x".repeat(201)))
                .isInstanceOf(ConfigurationException.class);
    }
}
