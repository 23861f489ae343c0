package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.pricing.routes.HistoryEntry.Kind;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** A change with {@code effectiveFrom} in the future waits, then applies by itself; it can be cancelled. */
class ScheduledChangesTest extends PricingIntegrationTest {

    static final String TODAY = "{\"inputPricePerMTok\": 0.10, \"outputPricePerMTok\": 0.40, \"sourceUrl\": \"https://example.org/today\"}";

    @Autowired
    PriceLists priceLists;

    @Autowired
    ScheduledChanges scheduledChanges;

    @Autowired
    ScheduledChangeTimer timer;

    @Autowired
    Clock clock;

    static String later(String price, String effectiveFrom) {
        return "{\"inputPricePerMTok\": " + price + ", \"outputPricePerMTok\": 0.40, "
                + "\"sourceUrl\": \"https://example.org/announcement\", \"effectiveFrom\": \"" + effectiveFrom + "\"}";
    }

    @Test
    void appliesAScheduledChangeByItselfWhenItsTimeComes(TestInfrastructure infrastructure) {
        String model = knownModel(unique("scheduled"));
        String provider = provider(unique("p"), "P");
        putRoute(model, provider, TODAY);
        String effectiveFrom = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();

        HttpResponse<String> scheduled = putRoute(model, provider, later("0.08", effectiveFrom));

        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        JsonNode body = json(scheduled);
        String id = body.get("scheduledChangeId").asString();
        assertThat(body.get("effectiveFrom").asString()).isEqualTo(effectiveFrom);
        assertThat(scheduled.headers().firstValue("Location"))
                .hasValue(routePath(model, provider) + "/scheduled/" + id);
        assertThat(etag(scheduled)).isEqualTo("\"1\"");
        JsonNode before = json(api().get("/api/models/" + model + "/routes").send());
        assertThat(before.get("revision").asLong()).isEqualTo(1);
        assertThat(before.get("routes").get(0).get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(before.get("scheduled").get(0).get("scheduledChangeId").asString()).isEqualTo(id);
        assertThat(api().get(routePath(model, provider) + "/scheduled/" + id).send().statusCode()).isEqualTo(200);

        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            Envelope<PricingEvent> applied = events.revision(2);
            assertThat(events.awaitRevision(2)).extracting(Envelope::revision).containsExactly(1L, 2L);
            RouteChanged changed = (RouteChanged) applied.payload();
            assertThat(changed.changedFields()).containsExactly("inputPricePerMTok", "sourceUrl");
            assertThat(changed.routes().get(0).terms().inputPricePerMTok()).isEqualByComparingTo("0.08");
            assertThat(changed.routes().get(0).effectiveFrom()).isEqualTo(Instant.parse(effectiveFrom));
            assertThat(applied.occurredAt()).isAfterOrEqualTo(Instant.parse(effectiveFrom));
        }
        JsonNode history = json(api().get(routePath(model, provider) + "/history").send());
        assertThat(history).extracting(h -> h.get("kind").asString()).containsExactly("applied", "scheduled", "applied");
        assertThat(history.get(2).get("scheduledChangeId").asString()).isEqualTo(id);
        assertThat(history.get(2).get("revision").asLong()).isEqualTo(2);
        assertThat(api().get(routePath(model, provider) + "/scheduled").send().body()).isEqualTo("[]");
        assertThat(api().delete(routePath(model, provider) + "/scheduled/" + id).as(TestTokens.EDITOR).send().statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCancelledChangeNeverApplies(TestInfrastructure infrastructure) {
        String model = knownModel(unique("cancel"));
        String provider = provider(unique("p"), "P");
        putRoute(model, provider, TODAY);
        HttpResponse<String> scheduled = putRoute(model, provider, later("0.01", inSeconds(2)));
        String id = json(scheduled).get("scheduledChangeId").asString();

        HttpResponse<String> cancelled = api().delete(routePath(model, provider) + "/scheduled/" + id)
                .as(TestTokens.EDITOR).send();

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);
        assertThat(api().get(routePath(model, provider) + "/scheduled").send().body()).isEqualTo("[]");
        // A later change, as a marker: once it applied, the cancelled one's time has long passed.
        putRoute(model, provider, later("0.09", inSeconds(3)));
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            List<Envelope<PricingEvent>> all = events.awaitRevision(2);
            assertThat(all).extracting(Envelope::revision).containsExactly(1L, 2L);
            assertThat(all.get(1).payload().routes().get(0).terms().inputPricePerMTok()).isEqualByComparingTo("0.09");
        }
        JsonNode history = json(api().get(routePath(model, provider) + "/history").send());
        assertThat(history).extracting(h -> h.get("kind").asString())
                .containsExactly("applied", "scheduled", "cancelled", "scheduled", "applied");
        assertThat(history.get(2).get("scheduledChangeId").asString()).isEqualTo(id);
        assertThat(api().delete(routePath(model, provider) + "/scheduled/" + UUID.randomUUID()).as(TestTokens.EDITOR)
                .send().statusCode()).isEqualTo(404);
    }

    @Test
    void dropsAChangeThatComesDueAfterTheModelWasRetired() {
        String model = knownModel(unique("retiring"));
        String provider = provider(unique("p"), "P");
        putRoute(model, provider, TODAY);
        putRoute(model, provider, later("0.02", inSeconds(2)));

        retire(model, 2);

        await().atMost(WAIT).until(() -> priceLists.find(model).orElseThrow().scheduled().isEmpty());
        PriceList priceList = priceLists.find(model).orElseThrow();
        assertThat(priceList.revision()).isEqualTo(1);
        HistoryEntry dropped = priceList.historyOf(provider).get(2);
        assertThat(dropped.kind()).isEqualTo(Kind.DROPPED);
        assertThat(dropped.reason()).contains("retired");
    }

    @Test
    void aChangeStoredBeforeARestartAppliesOnceTheNewTimerReadsIt() {
        String model = knownModel(unique("restart"));
        String provider = provider(unique("p"), "P");
        putRoute(model, provider, TODAY);
        timer.stop();
        ScheduledChangeTimer restarted = new ScheduledChangeTimer(scheduledChanges, priceLists, clock, Duration.ofMinutes(1));
        try {
            // Written while no timer runs, and already due when the new one starts.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Route route = new RouteInput(new java.math.BigDecimal("0.07"), new java.math.BigDecimal("0.40"), null, null,
                    null, null, null, null, null, null, "https://example.org/stored", null, null).toRoute();
            ScheduledChange change = new ScheduledChange(UUID.randomUUID(), provider, route, now.minusSeconds(1),
                    now.minusSeconds(60));
            assertThat(priceLists.schedule(model, change, new HistoryEntry(change.requestedAt(), Kind.SCHEDULED, provider,
                    route, List.of(), route.sourceUrl(), change.effectiveFrom(), change.id(), null, null),
                    OptionalLong.empty())).isEqualTo(PriceLists.Write.STORED);

            restarted.start();

            await().atMost(WAIT).until(() -> priceLists.find(model).orElseThrow().revision() == 2);
            PriceList applied = priceLists.find(model).orElseThrow();
            assertThat(applied.route(provider).orElseThrow().route().terms().inputPricePerMTok())
                    .isEqualByComparingTo("0.07");
            assertThat(applied.scheduled()).isEmpty();
            assertThat(applied.historyOf(provider).get(2).kind()).isEqualTo(Kind.APPLIED);
        } finally {
            restarted.stop();
            timer.start();
        }
    }

    @Test
    void twoTimersApplyADueChangeOnlyOnce() {
        String model = knownModel(unique("twice"));
        String provider = provider(unique("p"), "P");
        putRoute(model, provider, TODAY);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Route route = new RouteInput(new java.math.BigDecimal("0.05"), null, null, null, null, null, null, null, null,
                null, null, null, null).toRoute();
        ScheduledChange change = new ScheduledChange(UUID.randomUUID(), provider, route, now, now);
        priceLists.schedule(model, change, new HistoryEntry(now, Kind.SCHEDULED, provider, route, List.of(), null, now,
                change.id(), null, null), OptionalLong.empty());
        PriceLists.Due due = new PriceLists.Due(model, change);

        boolean first = scheduledChanges.applyScheduled(due);
        boolean second = scheduledChanges.applyScheduled(due);

        assertThat(first && second).as("applied twice").isFalse();
        PriceList priceList = priceLists.find(model).orElseThrow();
        assertThat(priceList.revision()).isEqualTo(2);
        assertThat(priceList.historyOf(provider)).extracting(HistoryEntry::kind)
                .containsExactly(Kind.APPLIED, Kind.SCHEDULED, Kind.APPLIED);
    }
}
