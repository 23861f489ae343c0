package org.llmreference.bench.site.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusHistogramTest {

    private static final Map<String, String> PRICE_EDITS = Map.of("source", "pricing.RouteChanged.v1");

    private static final String BEFORE = """
            # HELP llmref_propagation_seconds from an editor's change being accepted to the page being served
            # TYPE llmref_propagation_seconds histogram
            llmref_propagation_seconds_bucket{application="page-service",source="catalog.ModelChanged.v1",le="0.1"} 7
            llmref_propagation_seconds_bucket{application="page-service",source="catalog.ModelChanged.v1",le="+Inf"} 9
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="0.1"} 2
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="0.2"} 4.0
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="0.4"} 4.0
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="+Inf"} 4.0
            llmref_propagation_seconds_count{application="page-service",source="pricing.RouteChanged.v1"} 4.0
            llmref_propagation_seconds_sum{application="page-service",source="pricing.RouteChanged.v1"} 0.5
            """;

    private static final String AFTER = """
            llmref_propagation_seconds_bucket{application="page-service",source="catalog.ModelChanged.v1",le="0.1"} 7
            llmref_propagation_seconds_bucket{application="page-service",source="catalog.ModelChanged.v1",le="+Inf"} 9
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="0.1"} 12
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="0.2"} 94.0
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="0.4"} 103.0
            llmref_propagation_seconds_bucket{application="page-service",source="pricing.RouteChanged.v1",le="+Inf"} 104.0
            """;

    @Test
    void keepsOnlyTheSeriesWithTheWantedLabels() {
        PrometheusHistogram before = PrometheusHistogram.parse(BEFORE, "llmref_propagation_seconds", PRICE_EDITS);

        assertThat(before.cumulative()).containsExactly(Map.entry(0.1, 2.0), Map.entry(0.2, 4.0), Map.entry(0.4, 4.0),
                Map.entry(Double.POSITIVE_INFINITY, 4.0));
        assertThat(before.count()).isEqualTo(4.0);
    }

    @Test
    void estimatesQuantilesOfWhatHappenedBetweenTwoReadingsByInterpolatingInsideTheBucket() {
        PrometheusHistogram delta = PrometheusHistogram.parse(AFTER, "llmref_propagation_seconds", PRICE_EDITS)
                .minus(PrometheusHistogram.parse(BEFORE, "llmref_propagation_seconds", PRICE_EDITS));

        // 100 observations: 10 up to 0.1 s, 80 in (0.1, 0.2], 9 in (0.2, 0.4], 1 above.
        assertThat(delta.count()).isEqualTo(100.0);
        assertThat(delta.quantile(0.5)).isCloseTo(0.1 + 0.1 * 40 / 80, within(1e-12));
        assertThat(delta.quantile(0.95)).isCloseTo(0.2 + 0.2 * 5 / 9, within(1e-12));
        assertThat(delta.quantile(0.05)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void answersTheHighestFiniteBoundForARankInTheInfiniteBucket() {
        PrometheusHistogram delta = PrometheusHistogram.parse(AFTER, "llmref_propagation_seconds", PRICE_EDITS)
                .minus(PrometheusHistogram.parse(BEFORE, "llmref_propagation_seconds", PRICE_EDITS));

        assertThat(delta.quantile(0.995)).isEqualTo(0.4);
    }

    @Test
    void sumsSeriesThatDifferOnlyInOtherLabels() {
        String twoInstances = """
                m_bucket{instance="a",le="1.0"} 1
                m_bucket{instance="a",le="+Inf"} 2
                m_bucket{instance="b",le="1.0"} 3
                m_bucket{instance="b",le="+Inf"} 3
                """;

        PrometheusHistogram histogram = PrometheusHistogram.parse(twoInstances, "m", Map.of());

        assertThat(histogram.cumulative()).containsExactly(Map.entry(1.0, 4.0), Map.entry(Double.POSITIVE_INFINITY, 5.0));
    }

    @Test
    void hasNoQuantileWithoutObservations() {
        PrometheusHistogram none = PrometheusHistogram.parse(BEFORE, "llmref_propagation_seconds", PRICE_EDITS)
                .minus(PrometheusHistogram.parse(BEFORE, "llmref_propagation_seconds", PRICE_EDITS));

        assertThat(none.count()).isZero();
        assertThat(none.quantile(0.5)).isNaN();
        assertThat(PrometheusHistogram.parse("", "llmref_propagation_seconds", PRICE_EDITS).quantile(0.99)).isNaN();
    }
}
