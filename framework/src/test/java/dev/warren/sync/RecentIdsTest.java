package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {
    @Test
    void anIdIsNewOnlyTheFirstTime() {
        RecentIds ids = new RecentIds(10);

        assertThat(ids.firstSighting("a")).isTrue();
        assertThat(ids.firstSighting("a")).isFalse();
        assertThat(ids.firstSighting("b")).isTrue();
    }

    @Test
    void theOldestIdIsForgottenOnceTheWindowIsFull() {
        RecentIds ids = new RecentIds(2);
        ids.firstSighting("a");
        ids.firstSighting("b");
        ids.firstSighting("c");

        assertThat(ids.firstSighting("b")).isFalse();
        assertThat(ids.firstSighting("a")).isTrue();
    }
}
