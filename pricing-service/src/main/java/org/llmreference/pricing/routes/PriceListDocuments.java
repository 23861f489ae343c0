package org.llmreference.pricing.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

import tools.jackson.core.type.TypeReference;

/**
 * How a price list looks in MongoDB: a route's terms as the event carries them (derived from
 * {@link RouteTerms}' components, so a new term is stored without a line here) but with prices as
 * Decimal128 (exact, never binary floating point); instants as dates, ids of scheduled changes as strings.
 * <pre>
 * { _id: modelId, revision, routes: [...], scheduled: [...], history: [...], outbox: [...] }
 * </pre>
 */
final class PriceListDocuments {

    static final String REVISION = "revision";
    static final String ROUTES = "routes";
    static final String SCHEDULED = "scheduled";
    static final String HISTORY = "history";
    private static final String UPSTREAM = "upstream";
    static final String PROVENANCE = "provenance";
    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

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
                .append("requestedAt", Date.from(change.requestedAt())).append("sourceUrl", change.sourceUrl())
                .append("requestedBy", change.requestedBy()).append("reason", change.reason());
    }

    static ScheduledChange scheduledChange(Document document) {
        return new ScheduledChange(UUID.fromString(document.getString("id")), document.getString("providerId"),
                route(document.get("route", Document.class)), instant(document, "effectiveFrom"),
                instant(document, "requestedAt"), document.getString("requestedBy"), document.getString("reason"));
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
        putIfPresent(document, "author", entry.author());
        Provenance provenance = entry.provenance();
        if (provenance != null) {
            Document source = new Document("origin", provenance.origin());
            putIfPresent(source, "commit", provenance.commit());
            putIfPresent(source, "path", provenance.path());
            putIfPresent(source, "url", provenance.url());
            putIfPresent(source, "fetchedAt", provenance.fetchedAt() == null ? null : Date.from(provenance.fetchedAt()));
            document.append(PROVENANCE, source);
        }
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
                revision == null ? null : revision.longValue(), document.getString("reason"),
                provenance(document.get(PROVENANCE, Document.class)), document.getString("author"));
    }

    private static Provenance provenance(Document document) {
        return document == null ? null : new Provenance(document.getString("origin"), document.getString("commit"),
                document.getString("path"), document.getString("url"), instant(document, "fetchedAt"));
    }

    static Document route(Route route) {
        Document document = new Document();
        appendRoute(document, route);
        return document;
    }

    /**
     * The terms as the event carries them (absent ones left out), with prices as Decimal128; then the
     * upstream source, when there is one, as a sub-document with its date as a date.
     */
    private static void appendRoute(Document document, Route route) {
        Map<String, Object> terms = EventCodec.mapper().convertValue(route.terms(), AS_MAP);
        terms.forEach((name, value) -> document.append(name, toBson(value)));
        UpstreamSource upstream = route.upstream();
        if (upstream != null) {
            Document source = new Document("providerModelId", upstream.providerModelId()).append("path", upstream.path());
            putIfPresent(source, "commit", upstream.commit());
            putIfPresent(source, "committedAt", upstream.committedAt() == null ? null : Date.from(upstream.committedAt()));
            source.append("alsoFolded", upstream.alsoFolded());
            document.append(UPSTREAM, source);
        }
    }

    static Route route(Document document) {
        Map<String, Object> terms = new LinkedHashMap<>();
        document.forEach((name, value) -> {
            if (!name.equals(UPSTREAM)) {
                terms.put(name, fromBson(value));
            }
        });
        // A route written by hand may leave its status out: it is active then, as it always was.
        terms.putIfAbsent("status", RouteStatus.ACTIVE);
        Document source = document.get(UPSTREAM, Document.class);
        UpstreamSource upstream = source == null ? null
                : new UpstreamSource(source.getString("providerModelId"), source.getString("path"),
                        source.getString("commit"), instant(source, "committedAt"),
                        source.getList("alsoFolded", String.class, List.of()));
        return new Route(EventCodec.mapper().convertValue(terms, RouteTerms.class), upstream);
    }

    private static Object toBson(Object value) {
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((name, inner) -> document.append((String) name, toBson(inner)));
            return document;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PriceListDocuments::toBson).toList();
        }
        return value;
    }

    private static Object fromBson(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Double || value instanceof Float) {
            // Written by hand (a shell, an old tool): take the text of the number, never a binary rounding of it.
            return new BigDecimal(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((name, inner) -> plain.put((String) name, fromBson(inner)));
            return plain;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PriceListDocuments::fromBson).toList();
        }
        return value;
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
