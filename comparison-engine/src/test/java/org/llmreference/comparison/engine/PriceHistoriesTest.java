package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;

class PriceHistoriesTest {

    static RouteSnapshot withHistory(RouteSnapshot route, String... outputs) {
        List<PriceStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            steps.add(new PriceStep(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i),
                    route.terms().inputPricePerMTok(), new BigDecimal(outputs[i]), null, null, null, null, "editor"));
        }
        return new RouteSnapshot(route.providerId(), route.providerName(), route.terms(), route.effectiveFrom(), steps);
    }

    @Test
    void eachSideCarriesTheHistoryOfItsCheapestRouteOnly() {
        RouteSnapshot cheap = withHistory(aRoute("cheap").priced("0.1", "0.2").build(), "0.4", "0.3", "0.2");
        RouteSnapshot dear = withHistory(aRoute("dear").priced("1", "2").build(), "3", "2");
        Side a = aModel("a").withRoute(dear).withRoute(cheap).side();
        Side b = aModel("b").withRoute(aRoute("only").priced("0.5", "0.5").build()).side();

        Comparison comparison = new ComparisonEngine(EngineSettings.defaults()).compare(a, b, List.of());

        assertThat(comparison.historyA()).isEqualTo(cheap.history());
        assertThat(comparison.historyB()).isEmpty();
    }
}
