package org.llmreference.page.pages;

import java.util.function.Consumer;

import org.llmreference.contracts.Topics;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.platform.messaging.EventConsumption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Input binding {@code regeneratePage-in-0}: each comparison event regenerates its pair's page. */
@Configuration(proxyBeanMethods = false)
class PageListener {

    @Bean
    Consumer<Message<byte[]>> regeneratePage(EventConsumption consumption, PageRegeneration regeneration) {
        return consumption.of(Topics.COMPARISON_PAGES, ComparisonEvent.class, regeneration::apply);
    }
}
