package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.CostPoint;

class CostChartTest {

    @Test
    void picksRoundTickSteps() {
        assertThat(CostChart.niceStep(new BigDecimal("147.5"))).isEqualByComparingTo("200");
        assertThat(CostChart.niceStep(new BigDecimal("100"))).isEqualByComparingTo("100");
        assertThat(CostChart.niceStep(new BigDecimal("0.0031"))).isEqualByComparingTo("0.005");
        assertThat(CostChart.niceStep(new BigDecimal("6"))).isEqualByComparingTo("10");
        assertThat(CostChart.niceStep(BigDecimal.ZERO)).isEqualByComparingTo("1");
    }

    @Test
    void drawsNothingWithoutACost() {
        assertThat(CostChart.svg("A", "B", List.of())).isNull();
        assertThat(CostChart.svg("A", "B", List.of(new CostPoint(1_000, null, null)))).isNull();
    }

    @Test
    void breaksALineWhereACostIsMissingAndDrawsOnePointAlone() {
        Element svg = svg(CostChart.svg("A", "B", List.of(
                new CostPoint(1_000_000, new BigDecimal("3"), null),
                new CostPoint(1_000, new BigDecimal("1"), new BigDecimal("0")),
                new CostPoint(10_000, null, null),
                new CostPoint(100_000, new BigDecimal("2"), null))));
        assertThat(svg.selectFirst("g.series-a path").attr("d")).matches("M\\S+ \\S+ M\\S+ \\S+ L\\S+ \\S+");
        assertThat(svg.select("g.series-a circle")).hasSize(3);
        assertThat(svg.selectFirst("g.series-b path").attr("d")).matches("M\\S+ \\S+");
        assertThat(svg.select("g.series-b circle title").text()).isEqualTo("B: $0.00 a month at 1,000 requests");
        assertThat(svg.select("g.axes text").eachText()).containsExactly("$0", "$1", "$2", "$3", "1k", "10k", "100k", "1M",
                "Requests per month (log scale)");
    }

    @Test
    void drawsAFreeModelOnAScaleFromZero() {
        Element svg = svg(CostChart.svg("A", "B", List.of(new CostPoint(5_000, BigDecimal.ZERO, BigDecimal.ZERO))));
        assertThat(svg.select("g.axes text").eachText()).startsWith("$0", "$1");
        assertThat(svg.select("circle")).hasSize(2);
    }

    private static Element svg(String svg) {
        Document document = HtmlChecks.parse("<!doctype html><html><body>" + svg + "</body></html>");
        return document.selectFirst("svg");
    }
}
