package org.llmreference.page.audit;

import java.time.Clock;

import org.llmreference.page.PageSettings;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.pages.PageIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consistency audit: its endpoint, reading Kafka at the binder's brokers and MongoDB through the stores,
 * and its metrics, from the same audit run on a schedule.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    ConsistencyEndpoint consistencyEndpoint(Comparisons comparisons, PageIndex pages, PageSettings settings, Clock clock,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
        PageSettings.Audit audit = settings.audit();
        return new ConsistencyEndpoint(comparisons::revisions, pages::all,
                new KafkaBacklog(brokers, audit.kafkaTimeout(), audit.maxItems()), audit, clock,
                actuatorPath + "/consistency");
    }

    @Bean
    AuditMetrics auditMetrics(ConsistencyEndpoint endpoint, MeterRegistry meters, PageSettings settings, Clock clock) {
        return new AuditMetrics(() -> endpoint.check().getBody(), meters, clock, settings.audit().metricsInterval());
    }
}
