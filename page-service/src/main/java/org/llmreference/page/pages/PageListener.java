package org.llmreference.page.pages;

import java.util.function.Consumer;

import org.llmreference.contracts.Topics;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.platform.messaging.EventConsumption;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.messaging.Message;

/**
 * Input binding {@code regeneratePage-in-0}: each comparison event regenerates its pair's page, served
 * at once; its record is acknowledged once the comparison and the page are stored behind it
 * ({@link WriteBehind}). So the binding's {@code ackMode} is {@code MANUAL}, and its container takes
 * acknowledgements in any order ({@code asyncAcks}: an event the binding dead-letters is acknowledged
 * at once, those before it when their batch is stored), commits an offset only when every record
 * before it is acknowledged, and polls again only when the last poll's records all are.
 */
@Configuration(proxyBeanMethods = false)
class PageListener {

    @Bean
    Consumer<Message<byte[]>> regeneratePage(EventConsumption consumption, PageRegeneration regeneration) {
        return consumption.acknowledgedLater(Topics.COMPARISON_PAGES, ComparisonEvent.class, regeneration::apply);
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> acknowledgingAfterStoring() {
        return (container, destination, group) -> {
            if (Topics.COMPARISON_PAGES.equals(destination)
                    && container.getContainerProperties().getAckMode() == AckMode.MANUAL) {
                container.getContainerProperties().setAsyncAcks(true);
            }
        };
    }
}
