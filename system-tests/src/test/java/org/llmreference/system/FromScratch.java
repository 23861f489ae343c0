package org.llmreference.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.ContentHash;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventPayload;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.UnreadableEvent;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * What the site should show, worked out from nothing but the log: the newest model snapshot and
 * price list of every model on the catalog and pricing topics, fed to a new comparison set (the
 * service's defaults: 8 peers, the default traffic, no curated pairs), every live pair computed once.
 * Set against the newest event of every pair on {@code comparison.pages.v1}, it tells whether what
 * the comparison-service instances published, change by change, ends where a single computation
 * from scratch does.
 */
final class FromScratch {

    static final int PEERS = 8;

    private FromScratch() {
    }

    /** The last event published for a pair: its revision, and its content hash (null once withdrawn). */
    record Published(long revision, String contentHash) {

        boolean live() {
            return contentHash != null;
        }
    }

    /** Every live pair's content hash, computed from scratch from the catalog and pricing topics. */
    static Map<String, String> contentHashes(String kafka) {
        Map<String, ModelSnapshot> models = new HashMap<>();
        Map<String, Long> modelRevisions = new HashMap<>();
        for (Envelope<CatalogEvent> event : events(kafka, Topics.CATALOG_MODELS, CatalogEvent.class)) {
            if (event.revision() > modelRevisions.getOrDefault(event.aggregateId(), 0L)) {
                modelRevisions.put(event.aggregateId(), event.revision());
                models.put(event.aggregateId(), event.payload().model());
            }
        }
        Map<String, List<RouteSnapshot>> priceLists = new HashMap<>();
        Map<String, Long> priceRevisions = new HashMap<>();
        for (Envelope<PricingEvent> event : events(kafka, Topics.PRICING_ROUTES, PricingEvent.class)) {
            if (event.revision() > priceRevisions.getOrDefault(event.aggregateId(), 0L)) {
                priceRevisions.put(event.aggregateId(), event.revision());
                priceLists.put(event.aggregateId(), event.payload().routes());
            }
        }
        ComparisonSet set = new ComparisonSet(new ComparisonEngine(EngineSettings.defaults()), PEERS, models.values(),
                priceLists, List.of(), List.of());
        Map<String, String> hashes = new TreeMap<>();
        for (PairId pair : set.graph().livePairs()) {
            hashes.put(pair.toString(), ContentHash.of(set.compute(pair).orElseThrow()).content());
        }
        return hashes;
    }

    /** The newest event of every pair on {@code comparison.pages.v1}. */
    static Map<String, Published> published(String kafka) {
        Map<String, Published> published = new TreeMap<>();
        for (Envelope<ComparisonEvent> event : events(kafka, Topics.COMPARISON_PAGES, ComparisonEvent.class)) {
            Published before = published.get(event.aggregateId());
            if (before == null || event.revision() > before.revision()) {
                published.put(event.aggregateId(), new Published(event.revision(),
                        event.payload().match(changed -> changed.contentHash(), withdrawn -> null)));
            }
        }
        return published;
    }

    private static <P extends EventPayload> List<Envelope<P>> events(String kafka, String topic, Class<P> family) {
        return TopicRecords.readAll(kafka, topic).stream().map(ConsumerRecord::value).map(value -> {
            try {
                return EventCodec.decode(value, family);
            } catch (UnreadableEvent e) {
                throw new AssertionError("an unreadable record on " + topic + ": " + e.getMessage(), e);
            }
        }).toList();
    }
}
