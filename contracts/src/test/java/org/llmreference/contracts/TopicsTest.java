package org.llmreference.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyEventTypeLivesOnADeclaredTopic() {
        for (EventType type : EventType.values()) {
            assertThat(Topics.EVENT_TOPICS).extracting(TopicSpec::name).contains(type.topic());
        }
    }

    @Test
    void everySubscriptionHasItsOwnDeadLetterTopic() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).contains(
                "catalog.models.v1.pricing-service.dlq",
                "catalog.models.v1.comparison-service.dlq",
                "pricing.routes.v1.comparison-service.dlq",
                "comparison.pages.v1.page-service.dlq",
                "catalog.imports.v1.page-service.dlq");
        assertThat(Topics.ALL).hasSize(Topics.EVENT_TOPICS.size() + Topics.SUBSCRIPTIONS.size());
    }

    @Test
    void eventTopicsAreCompactedChangelogsAndDeadLettersExpire() {
        assertThat(Topics.ALL).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
                .containsExactly(Topics.CATALOG_MODELS, Topics.PRICING_ROUTES, Topics.COMPARISON_PAGES,
                        Topics.IDENTITY_ACCOUNTS,
                        Topics.CATALOG_IMPORTS);
    }
}
