package org.llmreference.pricing.audit;

import org.llmreference.platform.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * pricing-service's audit trail: every accepted change of a route or a scheduled change (an editor's,
 * a sync's, a scheduled change applied), and every bundle import, in the {@value AuditTrail#COLLECTION}
 * collection, read through {@code GET /api/audit}.
 */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

    @Bean
    AuditTrail auditTrail(MongoDatabase database, @Value("${spring.application.name}") String service) {
        return new AuditTrail(database, service);
    }
}
