package org.llmreference.page.loading;

import java.util.function.Consumer;

import org.llmreference.contracts.Topics;
import org.llmreference.contracts.imports.ImportEvent;
import org.llmreference.platform.messaging.EventConsumption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Input binding {@code followCatalogLoad-in-0}: each step of an import run moves the front page's banner. */
@Configuration(proxyBeanMethods = false)
class CatalogLoadingListener {

    @Bean
    Consumer<Message<byte[]>> followCatalogLoad(EventConsumption consumption, CatalogLoading loading) {
        return consumption.of(Topics.CATALOG_IMPORTS, ImportEvent.class, loading::apply);
    }
}
