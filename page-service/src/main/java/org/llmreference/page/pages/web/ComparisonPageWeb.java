package org.llmreference.page.pages.web;

import org.llmreference.page.PageSettings;
import org.llmreference.page.freshness.Freshness;
import org.llmreference.page.http.PlainCopies;
import org.llmreference.page.pages.PageCache;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

/** Puts {@link ComparisonPageFastPath} first among the servlet filters, on {@code /compare/*} only, with its plain copies. */
@Configuration(proxyBeanMethods = false)
class ComparisonPageWeb {

    /** The plain bytes of hot pages for clients that do not take gzip, within {@code llmref.page.plain-cache-size}. */
    @Bean
    PlainCopies plainCopies(PageSettings settings, MeterRegistry meters) {
        return new PlainCopies(settings.plainCacheSize().toBytes(), meters);
    }

    @Bean
    FilterRegistrationBean<ComparisonPageFastPath> comparisonPageFastPath(PageCache pages, Freshness freshness,
            MeterRegistry meters, PlainCopies plainCopies) {
        FilterRegistrationBean<ComparisonPageFastPath> registration = new FilterRegistrationBean<>(
                new ComparisonPageFastPath(pages, freshness, meters, plainCopies));
        registration.addUrlPatterns(ComparisonPageFastPath.PREFIX + "*");
        // Ahead of the HTTP observation (highest precedence + 1) and Spring Security's chain.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
