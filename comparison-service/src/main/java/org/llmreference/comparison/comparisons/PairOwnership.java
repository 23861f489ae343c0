package org.llmreference.comparison.comparisons;

import java.time.Duration;

import org.llmreference.comparison.instances.Ownership;
import org.llmreference.contracts.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Once the service is ready, joins the owners group {@value #GROUP} on {@value Topics#COMPARISON_PAGES};
 * the partitions Kafka assigns this instance are the pairs it publishes. Each assignment loads the
 * {@link LiveComparisonSet} and publishes whatever changed for the pairs now owned (at the first start:
 * whatever changed while the service was down); each revocation waits for the change under way.
 * Leaving at shutdown hands this instance's partitions to the others at once; an instance that dies
 * keeps them until its session times out ({@value #SESSION_SECONDS} s, as the platform's consumers).
 */
@Component
class PairOwnership {

    static final String GROUP = "comparison-service.owners";

    static final int SESSION_SECONDS = 10;

    private final LiveComparisonSet comparisons;
    private final String brokers;
    private final int instance;
    private Ownership ownership;

    PairOwnership(LiveComparisonSet comparisons, @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${llmref.instance:1}") int instance) {
        this.comparisons = comparisons;
        this.brokers = brokers;
        this.instance = instance;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void join() {
        ownership = new Ownership(brokers, Topics.COMPARISON_PAGES, GROUP, instance, Duration.ofSeconds(SESSION_SECONDS),
                Duration.ofSeconds(3), comparisons::assigned, comparisons::revoked).start();
    }

    @PreDestroy
    synchronized void leave() throws InterruptedException {
        if (ownership != null) {
            ownership.close();
        }
    }
}
