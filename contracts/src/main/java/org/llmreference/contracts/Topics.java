package org.llmreference.contracts;

import java.util.ArrayList;
import java.util.List;

/**
 * Every topic of the system, who writes it and who reads it. The embedded infrastructure, the
 * docker-compose topic script and the services' bindings all follow this list.
 */
public final class Topics {

    /** Model snapshots, keyed by model id. Written by catalog-service. */
    public static final String CATALOG_MODELS = "catalog.models.v1";
    /** A model's whole price list (all its routes), keyed by model id. Written by pricing-service. */
    public static final String PRICING_ROUTES = "pricing.routes.v1";
    /** Computed comparisons, keyed by pair id in canonical order. Written by comparison-service. */
    public static final String COMPARISON_PAGES = "comparison.pages.v1";
    /**
     * Account states (roles, disabled, hashes of live tokens), keyed by account id. Written by
     * catalog-service; every service with an editor API reads it whole, without a consumer group.
     */
    public static final String IDENTITY_ACCOUNTS = "identity.accounts.v1";
    /** How far each bulk import run of the catalog got, keyed by import run id. Written by catalog-service. */
    public static final String CATALOG_IMPORTS = "catalog.imports.v1";

    /** A consumer group reading a topic; each has its own dead-letter topic. */
    public record Subscription(String topic, String group) {
        public String deadLetterTopic() {
            return Topics.deadLetterTopic(topic, group);
        }
    }

    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription(CATALOG_MODELS, "pricing-service"),
            new Subscription(CATALOG_MODELS, "comparison-service"),
            new Subscription(PRICING_ROUTES, "comparison-service"),
            new Subscription(COMPARISON_PAGES, "page-service"),
            new Subscription(CATALOG_IMPORTS, "page-service"));

    /** The event topics: compacted, so the latest snapshot of every aggregate stays readable for good. */
    public static final List<TopicSpec> EVENT_TOPICS = List.of(
            new TopicSpec(CATALOG_MODELS, 3, true),
            new TopicSpec(PRICING_ROUTES, 3, true),
            new TopicSpec(COMPARISON_PAGES, 6, true),
            new TopicSpec(IDENTITY_ACCOUNTS, 1, true),
            new TopicSpec(CATALOG_IMPORTS, 1, true));

    /** Every topic the system needs: the event topics, then one dead-letter topic per subscription. */
    public static final List<TopicSpec> ALL = all();

    private Topics() {
    }

    /** {@code <topic>.<group>.dlq}: where a consumer group puts the events it could not process. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    private static List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>(EVENT_TOPICS);
        for (Subscription subscription : SUBSCRIPTIONS) {
            all.add(new TopicSpec(subscription.deadLetterTopic(), 1, false));
        }
        return List.copyOf(all);
    }
}
