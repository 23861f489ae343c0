package org.llmreference.bench.site.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.llmreference.bench.site.Site;

import tools.jackson.databind.JsonNode;

class RouteEditTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static JsonNode priceList(String routes) {
        return Site.JSON.readTree("{\"modelId\":\"gpt-oss-20b\",\"revision\":7,\"routes\":[" + routes + "]}");
    }

    private static String route(String provider, String input, String output, String status) {
        return "{\"providerId\":\"" + provider + "\",\"providerName\":\"" + provider + " Inc\",\"inputPricePerMTok\":" + input
                + ",\"outputPricePerMTok\":" + output + ",\"cachedInputPricePerMTok\":null,\"contextTiers\":[],"
                + "\"contextWindow\":131072,\"region\":null,\"status\":\"" + status + "\",\"sourceUrl\":\"https://example.com/"
                + provider + "\",\"verifiedAt\":null,\"effectiveFrom\":\"2026-11-26T04:43:44.337Z\"}";
    }

    @Test
    void givesEachEditItsOwnPricesAndTheMarkerThePageShows() {
        RouteEdit first = RouteEdit.of(priceList(route("openrouter", "0.03", "0.15", "active")), 1, TODAY).orElseThrow();
        RouteEdit fortySecond = RouteEdit.of(priceList(route("openrouter", "0.03", "0.15", "active")), 42, TODAY).orElseThrow();

        assertThat(first.input()).isEqualByComparingTo("0.0000100001");
        assertThat(first.output()).isEqualByComparingTo("0.0000200001");
        assertThat(first.marker()).isEqualTo("$0.0000100001/1M");
        assertThat(fortySecond.marker()).isEqualTo("$0.0000100042/1M");
        assertThat(first.input()).isLessThan(RouteEdit.EDIT_PRICE_CEILING);
    }

    @Test
    void keepsTheRoutesOtherFieldsAndSendsOnlyWhatTheApiTakes() {
        RouteEdit edit = RouteEdit.of(priceList(route("openrouter", "0.03", "0.15", "active")), 3, TODAY).orElseThrow();
        JsonNode body = Site.JSON.readTree(edit.body());

        assertThat(edit.modelId()).isEqualTo("gpt-oss-20b");
        assertThat(edit.providerId()).isEqualTo("openrouter");
        assertThat(edit.revision()).isEqualTo(7);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("inputPricePerMTok", "outputPricePerMTok",
                "contextTiers", "contextWindow", "status", "sourceUrl", "verifiedAt");
        assertThat(body.get("inputPricePerMTok").decimalValue()).isEqualByComparingTo(new BigDecimal("0.0000100003"));
        assertThat(edit.body()).contains("\"inputPricePerMTok\":0.0000100003");
        assertThat(body.get("sourceUrl").asString()).isEqualTo("https://example.com/openrouter");
        assertThat(body.get("verifiedAt").asString()).isEqualTo("2026-11-26");
    }

    @Test
    void editsTheFirstActiveRouteWhenEveryOtherIsDearer() {
        Optional<RouteEdit> edit = RouteEdit.of(priceList(route("bedrock", "0.07", "0.3", "deprecated") + ","
                + route("groq", "0.075", "0.3", "active") + "," + route("openrouter", "0.03", "0.14", "active")), 1, TODAY);

        assertThat(edit).map(RouteEdit::providerId).contains("groq");
    }

    @Test
    void editsTheCheapRouteItselfWhenItIsTheOnlyOneBelowTheEditPrices() {
        Optional<RouteEdit> edit = RouteEdit.of(priceList(route("a", "0.03", "0.15", "active") + ","
                + route("b", "0", "0.2", "active")), 1, TODAY);

        assertThat(edit).map(RouteEdit::providerId).contains("b");
    }

    @Test
    void cannotMakeARouteTheCheapestWhenAnotherActiveRouteIsFreeOrAsCheap() {
        assertThat(RouteEdit.of(priceList(route("a", "0", "0.15", "active") + "," + route("b", "0", "0.2", "active")),
                1, TODAY)).isEmpty();
        assertThat(RouteEdit.of(priceList(route("a", "0.03", "0.15", "deprecated")), 1, TODAY)).isEmpty();
        assertThat(RouteEdit.of(priceList(""), 1, TODAY)).isEmpty();
    }

    @Test
    void aCheapDeprecatedRouteDoesNotStandInTheWay() {
        Optional<RouteEdit> edit = RouteEdit.of(priceList(route("a", "0.03", "0.15", "active") + ","
                + route("b", "0", "0", "deprecated")), 1, TODAY);

        assertThat(edit).map(RouteEdit::providerId).contains("a");
    }

    @Test
    void refusesEditNumbersOutsideItsRange() {
        JsonNode priceList = priceList(route("a", "0.03", "0.15", "active"));

        assertThatThrownBy(() -> RouteEdit.of(priceList, 0, TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteEdit.of(priceList, 100_000, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }
}
