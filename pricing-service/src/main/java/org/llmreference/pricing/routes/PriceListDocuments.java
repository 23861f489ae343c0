package org.llmreference.pricing.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

/**
 * How a price list looks in MongoDB: prices as Decimal128 (exact, never binary floating point),
 * instants as dates, {@code verifiedAt} as an ISO date string, ids of scheduled changes as strings.
 * <pre>
 * { _id: modelId, revision, routes: [...], scheduled: [...], history: [...], outbox: [...] }
 * </pre>
 */
final class PriceListDocuments {

    static final String REVISION = "revision";
    static final String ROUTES = "routes";
    static final String SCHEDULED = "scheduled";
    static final String HISTORY = "history";

    private PriceListDocuments() {
    }

    static PriceList priceList(Document document) {
        List<ProviderRoute> routes = new ArrayList<>();
        for (Document route : document.getList(ROUTES, Document.class, List.of())) {
            routes.add(new ProviderRoute(route.getString("providerId"), route.getString("providerName"), route(route),
                    instant(route, "effectiveFrom")));
        }
        List<ScheduledChange> scheduled = new ArrayList<>();
        for (Document change : document.getList(SCHEDULED, Document.class, List.of())) {
            scheduled.add(scheduledChange(change));
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (Document entry : document.getList(HISTORY, Document.class, List.of())) {
            history.add(historyEntry(entry));
        }
        Number revision = document.get(REVISION, Number.class);
        return new PriceList(document.getString("_id"), revision == null ? 0 : revision.longValue(), routes, scheduled,
                history, true);
    }

    static Document providerRoute(ProviderRoute route) {
        Document document = new Document("providerId", route.providerId()).append("providerName", route.providerName());
        appendRoute(document, route.route());
        return document.append("effectiveFrom", Date.from(route.effectiveFrom()));
    }

    static List<Document> providerRoutes(List<ProviderRoute> routes) {
        return routes.stream().map(PriceListDocuments::providerRoute).toList();
    }

    static Document scheduledChange(ScheduledChange change) {
        return new Document("id", change.id().toString()).append("providerId", change.providerId())
                .append("route", route(change.route())).append("effectiveFrom", Date.from(change.effectiveFrom()))
                .append("requestedAt", Date.from(change.requestedAt())).append("sourceUrl", change.sourceUrl());
    }

    static ScheduledChange scheduledChange(Document document) {
        return new ScheduledChange(UUID.fromString(document.getString("id")), document.getString("providerId"),
                route(document.get("route", Document.class)), instant(document, "effectiveFrom"),
                instant(document, "requestedAt"));
    }

    static Document historyEntry(HistoryEntry entry) {
        Document document = new Document("at", Date.from(entry.at())).append("kind", entry.kind().wireName())
                .append("providerId", entry.providerId());
        if (entry.route() != null) {
            document.append("route", route(entry.route()));
        }
        document.append("changedFields", entry.changedFields());
        putIfPresent(document, "sourceUrl", entry.sourceUrl());
        putIfPresent(document, "effectiveFrom", entry.effectiveFrom() == null ? null : Date.from(entry.effectiveFrom()));
        putIfPresent(document, "scheduledChangeId",
                entry.scheduledChangeId() == null ? null : entry.scheduledChangeId().toString());
        putIfPresent(document, "revision", entry.revision());
        putIfPresent(document, "reason", entry.reason());
        return document;
    }

    static HistoryEntry historyEntry(Document document) {
        Document route = document.get("route", Document.class);
        String scheduledChangeId = document.getString("scheduledChangeId");
        Number revision = document.get("revision", Number.class);
        return new HistoryEntry(instant(document, "at"), Kind.valueOf(document.getString("kind").toUpperCase()),
                document.getString("providerId"), route == null ? null : route(route),
                document.getList("changedFields", String.class, List.of()), document.getString("sourceUrl"),
                instant(document, "effectiveFrom"), scheduledChangeId == null ? null : UUID.fromString(scheduledChangeId),
                revision == null ? null : revision.longValue(), document.getString("reason"));
    }

    static Document route(Route route) {
        Document document = new Document();
        appendRoute(document, route);
        return document;
    }

    private static void appendRoute(Document document, Route route) {
        putIfPresent(document, "inputPricePerMTok", decimal(route.inputPricePerMTok()));
        putIfPresent(document, "outputPricePerMTok", decimal(route.outputPricePerMTok()));
        putIfPresent(document, "cachedInputPricePerMTok", decimal(route.cachedInputPricePerMTok()));
        putIfPresent(document, "cacheWritePricePerMTok", decimal(route.cacheWritePricePerMTok()));
        putIfPresent(document, "batchInputPricePerMTok", decimal(route.batchInputPricePerMTok()));
        putIfPresent(document, "batchOutputPricePerMTok", decimal(route.batchOutputPricePerMTok()));
        List<Document> tiers = new ArrayList<>();
        for (Tier tier : route.contextTiers()) {
            Document t = new Document("aboveTokens", tier.aboveTokens());
            putIfPresent(t, "inputPricePerMTok", decimal(tier.inputPricePerMTok()));
            putIfPresent(t, "outputPricePerMTok", decimal(tier.outputPricePerMTok()));
            tiers.add(t);
        }
        document.append("contextTiers", tiers);
        putIfPresent(document, "contextWindow", route.contextWindow());
        putIfPresent(document, "region", route.region());
        document.append("status", route.status() == RouteStatus.DEPRECATED ? "deprecated" : "active");
        putIfPresent(document, "sourceUrl", route.sourceUrl());
        putIfPresent(document, "verifiedAt", route.verifiedAt() == null ? null : route.verifiedAt().toString());
    }

    static Route route(Document document) {
        List<Tier> tiers = new ArrayList<>();
        for (Document t : document.getList("contextTiers", Document.class, List.of())) {
            tiers.add(new Tier(t.get("aboveTokens", Number.class).longValue(), price(t, "inputPricePerMTok"),
                    price(t, "outputPricePerMTok")));
        }
        Number contextWindow = document.get("contextWindow", Number.class);
        String verifiedAt = document.getString("verifiedAt");
        return new Route(price(document, "inputPricePerMTok"), price(document, "outputPricePerMTok"),
                price(document, "cachedInputPricePerMTok"), price(document, "cacheWritePricePerMTok"),
                price(document, "batchInputPricePerMTok"), price(document, "batchOutputPricePerMTok"), tiers,
                contextWindow == null ? null : contextWindow.intValue(), document.getString("region"),
                "deprecated".equals(document.getString("status")) ? RouteStatus.DEPRECATED : RouteStatus.ACTIVE,
                document.getString("sourceUrl"), verifiedAt == null ? null : LocalDate.parse(verifiedAt));
    }

    private static Decimal128 decimal(PricePerMTok price) {
        return price == null ? null : new Decimal128(price.value());
    }

    private static PricePerMTok price(Document document, String field) {
        Object value = document.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 decimal) {
            return new PricePerMTok(decimal.bigDecimalValue());
        }
        // Written by hand (a shell, an old tool): take the text of the number, never a binary rounding of it.
        return new PricePerMTok(new BigDecimal(value.toString()));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }
}
