package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ItemsInHandTest {
    private final ItemsInHand<String> inHand = new ItemsInHand<>("queue 'jobs'");

    @Test
    void taskDoneSettlesTheOldestItemFirst() {
        inHand.add("first");
        inHand.add("second");

        assertThat(inHand.removeOldest()).isEqualTo("first");
        assertThat(inHand.removeOldest()).isEqualTo("second");
        assertThat(inHand.size()).isZero();
    }

    @Test
    void moreTaskDonesThanTakesAreRefusedWithASentenceSayingWhatToDo() {
        inHand.add("only");
        inHand.removeOldest();

        assertThatThrownBy(inHand::removeOldest)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "queue 'jobs': taskDone() was called more often than items were taken"
                                + " through this instance; call it once per item returned by get"
                                + " or poll");
    }

    @Test
    void closingTakesEverythingOutOfHand() {
        inHand.add("a");
        inHand.add("b");

        assertThat(inHand.removeAll()).containsExactly("a", "b");
        assertThat(inHand.size()).isZero();
    }
}
