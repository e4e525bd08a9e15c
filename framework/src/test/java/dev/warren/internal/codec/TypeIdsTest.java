package dev.warren.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeIdsTest {
    @Test
    void theDerivedIdOfANameIsFixedSoThatEveryHostAndEveryReleaseAgrees() {
        // computed once from the first four bytes of SHA-256("com.example.SumPrimes"); if this
        // changes, processes of two releases no longer understand each other
        assertThat(TypeIds.derived("com.example.SumPrimes")).isEqualTo(200_464_993);
        assertThat(TypeIds.derived("dev.warren.examples.thirty.SumPrimes")).isEqualTo(218_760_825);
    }

    @Test
    void derivedIdsLieAboveWarrensIdsAndFitInFourVarIntBytes() {
        for (int i = 0; i < 10_000; i++) {
            int id = TypeIds.derived("com.example.Task" + i);
            assertThat(id)
                    .isGreaterThanOrEqualTo(TypeIds.FIRST_DERIVED_ID)
                    .isLessThan(TypeIds.END_OF_DERIVED_IDS);
        }
        assertThat(TypeIds.FIRST_DERIVED_ID)
                .isGreaterThan(TypeIds.FIRST_WARREN_JDK_ID + JdkValueTypes.SLOTS);
    }

    @Test
    void explicitIdsLieBetweenWarrensTwoBlocks() {
        assertThat(TypeIds.isExplicit(99)).isFalse();
        assertThat(TypeIds.isExplicit(100)).isTrue();
        assertThat(TypeIds.isExplicit(999_999)).isTrue();
        assertThat(TypeIds.isExplicit(TypeIds.FIRST_WARREN_JDK_ID)).isFalse();
    }
}
