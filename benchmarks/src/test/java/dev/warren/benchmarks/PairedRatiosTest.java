package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairedRatiosTest {
    @Test
    void eachPairGivesShippedOverJarAndTheMedianIsTheMiddleOne() {
        PairedRatios ratios = new PairedRatios();
        ratios.add(1.10, 1.0);
        ratios.add(0.95, 1.0);
        ratios.add(2.06, 2.0);

        assertThat(ratios.median()).isCloseTo(1.03, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ratios.min()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ratios.max()).isCloseTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void ofAnEvenNumberOfPairsTheMedianIsTheMeanOfTheMiddleTwo() {
        PairedRatios ratios = new PairedRatios();
        ratios.add(1.0, 1.0);
        ratios.add(1.2, 1.0);
        ratios.add(3.0, 1.0);
        ratios.add(0.8, 1.0);

        assertThat(ratios.median()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theDescriptionGivesTheMedianAndTheSpreadInPercent() {
        PairedRatios ratios = new PairedRatios();
        ratios.add(1.031, 1.0);
        ratios.add(0.98, 1.0);
        ratios.add(1.084, 1.0);

        assertThat(ratios.describe())
                .isEqualTo("median +3.1 % (pairs from -2.0 % to +8.4 %, 3 pairs)");
    }

    @Test
    void noPairsSayItInsteadOfANumber() {
        assertThat(new PairedRatios().describe()).isEqualTo("no pairs");
        assertThat(new PairedRatios().median()).isNaN();
    }

    @Test
    void aPairWithoutAJarFigureIsRefusedWithTheFigures() {
        assertThatThrownBy(() -> new PairedRatios().add(1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive jar figure")
                .hasMessageContaining("1.0 / 0.0");
    }
}
