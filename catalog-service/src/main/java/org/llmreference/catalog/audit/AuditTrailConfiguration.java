package org.llmreference.catalog.audit;

import org.llmreference.platform.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * catalog-service's audit trail: every accepted change of a model or an account, and every bundle
 * import, in the {@value AuditTrail#COLLECTION} collection, read through {@code GET /api/audit}.
 */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

    @Bean
    AuditTrail auditTrail(MongoDatabase database, @Value("${spring.application.name}") String service) {
        return new AuditTrail(database, service);
    }
}
