package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;

/** The price list's own rules, without Spring, Kafka or MongoDB. */
class PriceListTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static Route route(String input, String output) {
        return new Route(new RouteTerms(decimal(input), decimal(output), null, null, null, null, List.of(), 131_072,
                null, RouteStatus.ACTIVE, "https://example.org", null));
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static PricePerMTok price(String value) {
        return value == null ? null : new PricePerMTok(new BigDecimal(value));
    }

    @Test
    void aPriceIsExactAndIgnoresTrailingZeros() {
        assertThat(price("0.030")).isEqualTo(price("0.03"));
        assertThat(price("0.0000001").toString()).isEqualTo("0.0000001");
        assertThat(price("10.00").value().toPlainString()).isEqualTo("10");
        assertThatThrownBy(() -> price("0.00000000001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> price("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> price("10000.01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDiscountNeedsThePriceItDiscounts() {
        assertThatThrownBy(() -> new Route(new RouteTerms(null, decimal("1"), decimal("0.1"), null, null, null,
                List.of(), null, null, null, null, null))).hasMessageContaining("input price");
        assertThatThrownBy(() -> new Route(new RouteTerms(decimal("1"), null, null, null, null, decimal("0.1"),
                List.of(), null, null, null, null, null))).hasMessageContaining("output price");
        assertThat(new Route(new RouteTerms(null, null, null, null, null, null, null, null, "eu", null, null, null))
                .terms().status()).isEqualTo(RouteStatus.ACTIVE);
    }

    @Test
    void aNewRouteIsRevisionOneWithChangedFieldsRoute() {
        PriceListChange change = PriceList.none("m").put("p", "P", route("0.1", "0.2"), NOW, NOW, null);

        assertThat(change.after().revision()).isEqualTo(1);
        assertThat(change.entries()).singleElement().satisfies(e -> assertThat(e.changedFields()).containsExactly("route"));
        RouteChanged event = (RouteChanged) change.events().get(0);
        assertThat(event.routes()).singleElement().satisfies(r -> assertThat(r.providerName()).isEqualTo("P"));
        Envelope<PricingEvent> announced = PriceListWrites.announce(change, NOW).events().get(0);
        assertThat(announced.causedBy()).isEqualTo(announced.eventId().toString());
    }

    @Test
    void theSameRouteAgainIsNoChangeAndADifferentOneNamesWhatChanged() {
        PriceList priceList = PriceList.none("m").put("p", "P", route("0.1", "0.2"), NOW, NOW, null).after();

        assertThat(priceList.put("p", "P", route("0.10", "0.2"), NOW.plusSeconds(5), NOW, null).isEmpty()).isTrue();
        PriceListChange change = priceList.put("p", "P", route("0.1", "0.3"), NOW, NOW, null);
        assertThat(change.entries().get(0).changedFields()).containsExactly("outputPricePerMTok");
        assertThat(change.after().revision()).isEqualTo(2);
    }

    @Test
    void changesChainIntoOneWriteWithOneRevisionPerRoute() {
        PriceList priceList = PriceList.none("m");
        PriceListChange first = priceList.put("b", "B", route("0.1", null), NOW, NOW, null);
        PriceListChange both = first.andThen(first.after().put("a", "A", route(null, "0.2"), NOW, NOW, null));

        assertThat(PriceListWrites.announce(both, NOW).events()).extracting(e -> e.revision()).containsExactly(1L, 2L);
        assertThat(both.after().routes()).extracting(ProviderRoute::providerId).containsExactly("b", "a");
        assertThat(both.before()).isSameAs(priceList);
    }

    @Test
    void aBulkPutIsOneRevisionAndOneEventWithAHistoryEntryPerChangedRoute() {
        PriceList priceList = PriceList.none("m").put("z", "Z", route("0.1", "0.2"), NOW, NOW, null).after()
                .put("y", "Y", route("0.1", "0.2"), NOW, NOW, null).after();
        Instant later = NOW.plusSeconds(60);

        PriceListChange change = priceList.putAll(List.of(new PriceList.RoutePut("a", "A", route("0.3", null)),
                new PriceList.RoutePut("y", "Y", route("0.10", "0.20")),
                new PriceList.RoutePut("z", "Zed", route("0.1", "0.25"))), later);

        assertThat(change.after().revision()).isEqualTo(3);
        assertThat(change.after().routes()).extracting(ProviderRoute::providerId).containsExactly("z", "y", "a");
        assertThat(change.entries()).extracting(HistoryEntry::providerId).containsExactly("a", "z");
        assertThat(change.entries()).extracting(HistoryEntry::revision).containsExactly(3L, 3L);
        assertThat(change.entries().get(1).changedFields()).containsExactly("outputPricePerMTok", "providerName");
        assertThat(PriceListWrites.announce(change, later).events()).singleElement().satisfies(event -> {
            assertThat(event.revision()).isEqualTo(3);
            RouteChanged changed = (RouteChanged) event.payload();
            assertThat(changed.providerId()).isEqualTo("a");
            assertThat(changed.changedFields()).containsExactly("route", "outputPricePerMTok", "providerName");
            assertThat(changed.routes()).extracting(r -> r.providerName()).containsExactly("Zed", "Y", "A");
        });
    }

    @Test
    void aBulkPutOfTheRoutesInForceChangesNothing() {
        PriceList priceList = PriceList.none("m").putAll(List.of(new PriceList.RoutePut("a", "A", route("0.1", "0.2")),
                new PriceList.RoutePut("b", "B", route(null, null))), NOW).after();

        assertThat(priceList.revision()).isEqualTo(1);
        PriceListChange again = priceList.putAll(List.of(new PriceList.RoutePut("b", "B", route(null, null)),
                new PriceList.RoutePut("a", "A", route("0.10", "0.2"))), NOW.plusSeconds(5));
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.after()).isSameAs(priceList);
        assertThatThrownBy(() -> priceList.putAll(List.of(new PriceList.RoutePut("c", "C", route("1", "2")),
                new PriceList.RoutePut("c", "C", route("1", "3"))), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedRouteKeepsItsPlaceAndANewOneComesLast() {
        PriceList priceList = PriceList.none("m").put("z", "Z", route("0.1", "0.2"), NOW, NOW, null).after()
                .put("a", "A", route("0.1", "0.2"), NOW, NOW, null).after();

        PriceList repriced = priceList.put("z", "Z", route("0.05", "0.2"), NOW, NOW, null).after();
        PriceList renamed = repriced.renameProvider("z", "Zed", NOW).after();
        PriceList grown = renamed.put("m", "M", route("0.3", "0.4"), NOW, NOW, null).after();

        assertThat(grown.routes()).extracting(ProviderRoute::providerId).containsExactly("z", "a", "m");
        assertThat(grown.routes().get(0).providerName()).isEqualTo("Zed");
        assertThat(grown.withdraw("a", NOW).after().routes()).extracting(ProviderRoute::providerId).containsExactly("z", "m");
    }
}
