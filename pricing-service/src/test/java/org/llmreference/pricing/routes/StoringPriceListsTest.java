package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.pricing.routes.PriceLists.Announced;
import org.llmreference.pricing.routes.PriceLists.Write;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulk write of many price lists: each change guarded like a single write, races named. */
class StoringPriceListsTest extends PricingIntegrationTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    PriceLists priceLists;

    static List<PriceList.RoutePut> routeOf(String providerId, String input) {
        return List.of(new PriceList.RoutePut(providerId, providerId.toUpperCase(), PriceListTest.route(input, "1")));
    }

    static Announced announce(PriceListChange change) {
        return PriceListWrites.announce(change, NOW);
    }

    PriceList stored(String modelId) {
        assertThat(priceLists.store(announce(PriceList.none(modelId).putAll(routeOf("a", "0.1"), NOW)))).isEqualTo(Write.STORED);
        return priceLists.find(modelId).orElseThrow();
    }

    @Test
    void storesEveryChangeNobodyRacedAndNamesTheModelsOfThoseThatLost() {
        PriceList raced = stored(unique("raced"));
        PriceList quiet = stored(unique("quiet"));
        String created = unique("created");
        String createdTwice = unique("created-twice");
        PriceList notYetStored = PriceList.none(createdTwice);
        assertThat(priceLists.store(announce(notYetStored.putAll(routeOf("b", "0.2"), NOW)))).isEqualTo(Write.STORED);
        assertThat(priceLists.store(announce(raced.putAll(routeOf("b", "0.5"), NOW)))).isEqualTo(Write.STORED);

        List<String> lost = List.copyOf(priceLists.storeAll(Stream.of(raced.putAll(routeOf("c", "0.7"), NOW),
                quiet.putAll(routeOf("c", "0.7"), NOW), PriceList.none(created).putAll(routeOf("c", "0.7"), NOW),
                notYetStored.putAll(routeOf("c", "0.7"), NOW), quiet.putAll(routeOf("a", "0.1"), NOW))
                .map(StoringPriceListsTest::announce).toList()));

        assertThat(lost).containsExactlyInAnyOrder(raced.modelId(), createdTwice);
        assertThat(priceLists.find(raced.modelId()).orElseThrow().routes()).extracting(ProviderRoute::providerId)
                .containsExactly("a", "b");
        PriceList quietAfter = priceLists.find(quiet.modelId()).orElseThrow();
        assertThat(quietAfter.revision()).isEqualTo(2);
        assertThat(quietAfter.routes()).extracting(ProviderRoute::providerId).containsExactly("a", "c");
        assertThat(quietAfter.historyOf("c")).singleElement().satisfies(entry -> assertThat(entry.revision()).isEqualTo(2));
        assertThat(priceLists.find(created).orElseThrow().revision()).isEqualTo(1);
        assertThat(priceLists.find(createdTwice).orElseThrow().routes()).extracting(ProviderRoute::providerId)
                .containsExactly("b");
    }
}
