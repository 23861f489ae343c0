package org.llmreference.page.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.page.listing.DirectoryFixtures.aModel;
import static org.llmreference.page.listing.DirectoryFixtures.route;
import static org.llmreference.page.listing.DirectoryFixtures.routeWithHistory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;

class DirectoryTest {

    private final Map<String, List<RouteSnapshot>> priceLists = new HashMap<>();
    private final List<ModelSnapshot> models = new ArrayList<>();

    private Directory directory() {
        return Directory.of(models, id -> priceLists.getOrDefault(id, List.of()));
    }

    private List<String> ids(String... parameters) {
        Map<String, String> asked = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            asked.put(parameters[i], parameters[i + 1]);
        }
        DirectoryQuery.Reading reading = DirectoryQuery.read(asked);
        assertThat(reading.errors()).isEmpty();
        return directory().query(reading.query()).rows().stream().map(DirectoryRow::id).toList();
    }

    private void add(ModelSnapshot model, RouteSnapshot... routes) {
        models.add(model);
        priceLists.put(model.id(), List.of(routes));
    }

    @Test
    void pricesEachModelByItsCheapestActiveRoutePerDirection() {
        add(aModel("m").build(), route("a", "1.00", "4.00"), route("b", "2.00", "3.00"),
                route("old", "0.10", "0.10", RouteStatus.DEPRECATED));

        DirectoryRow row = directory().rows().get(0);

        assertThat(row.cheapestInput()).isEqualByComparingTo("1.00");
        assertThat(row.cheapestOutput()).isEqualByComparingTo("3.00");
    }

    @Test
    void listsLiveModelsOnlyAndFiltersByStatus() {
        add(aModel("active").build());
        add(aModel("deprecated").status(ModelStatus.DEPRECATED).build());
        add(aModel("retired").status(ModelStatus.RETIRED).build());

        assertThat(ids()).containsExactly("active", "deprecated");
        assertThat(ids("status", "deprecated")).containsExactly("deprecated");
        assertThat(ids("status", "active")).containsExactly("active");
    }

    @Test
    void filtersByToolUseWhereTheCatalogSaysSo() {
        add(aModel("tools").toolUse(true).build());
        add(aModel("no-tools").toolUse(false).build());
        add(aModel("unknown").build());

        assertThat(ids("tool_use", "yes")).containsExactly("tools");
        assertThat(ids("tool_use", "no")).containsExactly("no-tools");
        assertThat(ids("tool_use", "any")).containsExactly("no-tools", "tools", "unknown");
    }

    @Test
    void filtersByVendorInAnyCaseContextPriceOpenWeightsAndReleaseDate() {
        add(aModel("a").vendor("OpenAI").context(128_000).openWeights(true).released("2025-08-05").build(),
                route("p", "0.05", "0.20"));
        add(aModel("b").vendor("Qwen").context(262_144).openWeights(false).released("2025-07-01").build(),
                route("p", "0.50", "2.00"));
        add(aModel("c").vendor("openai").build());

        assertThat(ids("vendor", "openai")).containsExactly("a", "c");
        assertThat(ids("min_context", "200000")).containsExactly("b");
        assertThat(ids("max_output", "0.2")).containsExactly("a");
        assertThat(ids("max_input", "1")).containsExactly("a", "b");
        assertThat(ids("open_weights", "yes")).containsExactly("a");
        assertThat(ids("released_from", "2025-08-01")).containsExactly("a");
        assertThat(ids("released_to", "2025-07-31")).containsExactly("b");
    }

    @Test
    void sortsByCheapestOutputWithUnpricedModelsLastInEitherOrder() {
        add(aModel("mid").build(), route("p", "1", "2.00"));
        add(aModel("cheap").build(), route("p", "1", "0.40"));
        add(aModel("unpriced").build());
        add(aModel("dear").build(), route("p", "1", "10"));

        assertThat(ids("sort", "output", "order", "asc")).containsExactly("cheap", "mid", "dear", "unpriced");
        assertThat(ids("sort", "output", "order", "desc")).containsExactly("dear", "mid", "cheap", "unpriced");
    }

    @Test
    void sortsByContextReleaseAndNameBreakingTiesByName() {
        add(aModel("b").name("Beta").context(100).released("2025-01-01").build());
        add(aModel("a").name("Alpha").context(100).released("2025-06-01").build());
        add(aModel("c").name("gamma").context(null).build());

        assertThat(ids("sort", "context", "order", "desc")).containsExactly("a", "b", "c");
        assertThat(ids("sort", "released", "order", "desc")).containsExactly("a", "b", "c");
        assertThat(ids()).containsExactly("a", "b", "c");
        assertThat(ids("sort", "name", "order", "desc")).containsExactly("c", "b", "a");
    }

    @Test
    void sortsByLastRepricingFromTheRoutesHistory() {
        add(aModel("old").build(), routeWithHistory("p", "1", Instant.parse("2025-01-01T00:00:00Z")));
        add(aModel("recent").build(), routeWithHistory("p", "1", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-11-30T00:00:00Z")));

        assertThat(ids("sort", "repriced", "order", "desc")).containsExactly("recent", "old");
        assertThat(directory().rows().get(1).lastRepricedAt()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void cutsTheRowsIntoPagesOfFiftyWithTheTotal() {
        for (int i = 0; i < 120; i++) {
            add(aModel(String.format("m%03d", i)).build());
        }

        Directory.Result third = directory().query(DirectoryQuery.all().atPage(3));

        assertThat(third.total()).isEqualTo(120);
        assertThat(third.pages()).isEqualTo(3);
        assertThat(third.rows()).extracting(DirectoryRow::id).first().isEqualTo("m100");
        assertThat(third.rows()).hasSize(20);
        assertThat(directory().query(DirectoryQuery.all().atPage(2)).rows()).hasSize(50);
        assertThat(directory().query(DirectoryQuery.all().atPage(4)).pastTheEnd()).isTrue();
        assertThat(third.pastTheEnd()).isFalse();
    }

    @Test
    void anEmptyResultIsOnePageNotPastTheEnd() {
        Directory.Result none = directory().query(DirectoryQuery.all());

        assertThat(none.total()).isZero();
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.pastTheEnd()).isFalse();
    }

    @Test
    void priceFilterComparesDecimalsExactly() {
        add(aModel("edge").build(), route("p", "0.1", "0.30"));

        assertThat(ids("max_output", "0.3")).containsExactly("edge");
        assertThat(ids("max_output", "0.2999")).isEmpty();
        assertThat(new BigDecimal("0.30")).isEqualByComparingTo("0.3");
    }
}
