package org.llmreference.bench.site.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

    private final Target p50 = Target.atMost("B1 p50", 100, Figures::millis);
    private final Target throughput = Target.atLeast("B3 requests/s vs nginx", 0.8, Figures::ratio);

    @Test
    void anUpperBoundIsMetAtOrBelowTheLimit() {
        assertThat(p50.check(99.9).met()).isTrue();
        assertThat(p50.check(100).met()).isTrue();
        assertThat(p50.check(100.1).met()).isFalse();
    }

    @Test
    void aLowerBoundIsMetAtOrAboveTheLimit() {
        assertThat(throughput.check(0.8).met()).isTrue();
        assertThat(throughput.check(1.7).met()).isTrue();
        assertThat(throughput.check(0.79).met()).isFalse();
    }

    @Test
    void aTimeoutMissesAnUpperBound() {
        Target.Outcome outcome = p50.check(Double.POSITIVE_INFINITY);

        assertThat(outcome.met()).isFalse();
        assertThat(outcome.line()).isEqualTo("**MISSED** B1 p50: timeout (target ≤ 100 ms)");
    }

    @Test
    void whatWasNotMeasuredMissesSayingSo() {
        Target.Outcome outcome = throughput.check(Double.NaN);

        assertThat(outcome.met()).isFalse();
        assertThat(outcome.line()).isEqualTo("**MISSED** B3 requests/s vs nginx: not measured (target ≥ 0.8×)");
    }

    @Test
    void theLineNamesTheFigureTheTargetAndAnyDetail() {
        assertThat(p50.check(84.26).line()).isEqualTo("**MET** B1 p50: 84.3 ms (target ≤ 100 ms)");
        assertThat(p50.check(250).because("3 edits timed out").line())
                .isEqualTo("**MISSED** B1 p50: 250 ms (3 edits timed out) (target ≤ 100 ms)");
    }
}
