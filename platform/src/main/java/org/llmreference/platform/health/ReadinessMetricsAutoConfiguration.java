package org.llmreference.platform.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;

/** The readiness gauge of every service ({@link ReadinessGauge}), read from Actuator's health endpoint. */
@AutoConfiguration
public class ReadinessMetricsAutoConfiguration {

    @Bean
    ReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health) {
        return new ReadinessGauge(() -> {
            HealthEndpoint endpoint = health.getIfAvailable();
            HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
            return readiness == null ? null : readiness.getStatus();
        });
    }
}
