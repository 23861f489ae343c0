package org.llmreference.pricing.models;

import java.util.function.Consumer;

import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.platform.messaging.EventConsumption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Input binding {@code applyModelChange-in-0}: catalog events into {@link KnownModels}. */
@Configuration(proxyBeanMethods = false)
class CatalogListener {

    @Bean
    Consumer<Message<byte[]>> applyModelChange(EventConsumption consumption, KnownModels knownModels) {
        return consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class,
                event -> knownModels.learn(event.payload().model(), event.revision()));
    }
}
