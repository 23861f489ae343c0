package org.llmreference.bench.site.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void writesAboutThreeSignificantFiguresAndWholeNumbersAsSuch() {
        assertThat(Figures.number(1234.5)).isEqualTo("1235");
        assertThat(Figures.number(84.26)).isEqualTo("84.3");
        assertThat(Figures.number(3.14159)).isEqualTo("3.14");
        assertThat(Figures.number(0.012345)).isEqualTo("0.0123");
        assertThat(Figures.number(20)).isEqualTo("20");
        assertThat(Figures.number(0)).isEqualTo("0");
    }

    @Test
    void saysWhatWasNotMeasuredAndWhatTimedOut() {
        assertThat(Figures.millis(Double.NaN)).isEqualTo("n/a");
        assertThat(Figures.millis(Double.POSITIVE_INFINITY)).isEqualTo("timeout");
    }

    @Test
    void writesUnits() {
        assertThat(Figures.millis(84.26)).isEqualTo("84.3 ms");
        assertThat(Figures.seconds(7.5)).isEqualTo("7.50 s");
        assertThat(Figures.megabytes(384 * 1024 * 1024)).isEqualTo("384 MB");
        assertThat(Figures.ratio(0.8)).isEqualTo("0.8×");
    }
}
