package org.llmreference.page.comparisons;

import java.util.function.Consumer;

import org.llmreference.contracts.Topics;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.platform.messaging.EventConsumption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Input binding {@code storeComparison-in-0}: comparison events into {@link Comparisons}. */
@Configuration(proxyBeanMethods = false)
class ComparisonListener {

    @Bean
    Consumer<Message<byte[]>> storeComparison(EventConsumption consumption, Comparisons comparisons) {
        return consumption.of(Topics.COMPARISON_PAGES, ComparisonEvent.class, comparisons::apply);
    }
}
