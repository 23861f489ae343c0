package org.llmreference.page.pages.web;

import org.llmreference.page.PageSettings;
import org.llmreference.page.freshness.Freshness;
import org.llmreference.page.http.PlainCopies;
import org.llmreference.page.pages.PageCache;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Puts {@link ComparisonPageFastPath} at the head of Tomcat's engine pipeline, with its plain copies. */
@Configuration(proxyBeanMethods = false)
class ComparisonPageWeb {

    /** The plain bytes of hot pages for clients that do not take gzip, within {@code llmref.page.plain-cache-size}. */
    @Bean
    PlainCopies plainCopies(PageSettings settings, MeterRegistry meters) {
        return new PlainCopies(settings.plainCacheSize().toBytes(), meters);
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> comparisonPageFastPath(PageCache pages,
            Freshness freshness, MeterRegistry meters, PlainCopies plainCopies) {
        return factory -> factory.addEngineValves(new ComparisonPageFastPath(pages, freshness, meters, plainCopies));
    }
}
