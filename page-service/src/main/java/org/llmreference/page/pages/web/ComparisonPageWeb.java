package org.llmreference.page.pages.web;

import org.llmreference.page.freshness.Freshness;
import org.llmreference.page.pages.PageCache;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

/** Puts {@link ComparisonPageFastPath} first among the servlet filters, on {@code /compare/*} only. */
@Configuration(proxyBeanMethods = false)
class ComparisonPageWeb {

    @Bean
    FilterRegistrationBean<ComparisonPageFastPath> comparisonPageFastPath(PageCache pages, Freshness freshness,
            MeterRegistry meters) {
        FilterRegistrationBean<ComparisonPageFastPath> registration = new FilterRegistrationBean<>(
                new ComparisonPageFastPath(pages, freshness, meters));
        registration.addUrlPatterns(ComparisonPageFastPath.PREFIX + "*");
        // Ahead of the HTTP observation (highest precedence + 1) and Spring Security's chain.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
