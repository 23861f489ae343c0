package org.llmreference.bench.site.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRankSoEveryPercentileIsAMeasuredValue() {
        List<Double> oneToHundred = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            oneToHundred.add((double) i);
        }
        Percentiles percentiles = Percentiles.of(oneToHundred);

        assertThat(percentiles.median()).isEqualTo(50.0);
        assertThat(percentiles.percentile(99)).isEqualTo(99.0);
        assertThat(percentiles.percentile(99.5)).isEqualTo(100.0);
        assertThat(percentiles.max()).isEqualTo(100.0);
        assertThat(percentiles.min()).isEqualTo(1.0);
        assertThat(percentiles.count()).isEqualTo(100);
    }

    @Test
    void aSmallSampleHasItsLargestValueAsP99() {
        Percentiles percentiles = Percentiles.of(List.of(30.0, 10.0, 20.0));

        assertThat(percentiles.median()).isEqualTo(20.0);
        assertThat(percentiles.percentile(99)).isEqualTo(30.0);
        assertThat(percentiles.percentile(1)).isEqualTo(10.0);
    }

    @Test
    void aTimeoutCountsAsInfinitelySlow() {
        Percentiles percentiles = Percentiles.of(List.of(1.0, 2.0, Double.POSITIVE_INFINITY));

        assertThat(percentiles.median()).isEqualTo(2.0);
        assertThat(percentiles.percentile(99)).isInfinite();
    }

    @Test
    void anEmptySampleHasNoPercentiles() {
        Percentiles none = Percentiles.of(List.of());

        assertThat(none.median()).isNaN();
        assertThat(none.max()).isNaN();
    }

    @Test
    void refusesPercentilesOutsideZeroToHundred() {
        Percentiles percentiles = Percentiles.of(List.of(1.0));

        assertThatThrownBy(() -> percentiles.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> percentiles.percentile(100.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
