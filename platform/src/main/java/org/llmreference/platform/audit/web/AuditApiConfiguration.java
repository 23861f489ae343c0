package org.llmreference.platform.audit.web;

import org.llmreference.platform.audit.AuditTrail;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * In a service that keeps an {@link AuditTrail}: {@code GET /api/audit}, the trail's indexes, and,
 * once the service is up, the move of entries a crash left waiting in their documents.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(AuditTrail.class)
public class AuditApiConfiguration {

    @Bean
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> auditTrailCatchUp(AuditTrail trail) {
        return event -> {
            trail.createIndexes();
            trail.catchUp();
        };
    }
}
