package org.llmreference.comparison.sources;

import java.util.function.Consumer;

import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.platform.messaging.EventConsumption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Input bindings {@code applyModelChange-in-0} and {@code applyRouteChange-in-0}. */
@Configuration(proxyBeanMethods = false)
class SourceListeners {

    @Bean
    Consumer<Message<byte[]>> applyModelChange(EventConsumption consumption, SourceProjections projections) {
        return consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class, projections::apply);
    }

    @Bean
    Consumer<Message<byte[]>> applyRouteChange(EventConsumption consumption, SourceProjections projections) {
        return consumption.of(Topics.PRICING_ROUTES, PricingEvent.class, projections::applyPrices);
    }
}
