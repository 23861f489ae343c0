package org.llmreference.page.facts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The facts view and the reader that fills it from the binder's brokers. */
@Configuration(proxyBeanMethods = false)
class FactsConfiguration {

    @Bean
    FactsView factsView() {
        return new FactsView();
    }

    @Bean
    FactsReader factsReader(FactsView factsView, @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new FactsReader(factsView, brokers);
    }
}
