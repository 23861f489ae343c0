package org.llmreference.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services' public APIs are, and how long the console waits for one of them.
 *
 * @param catalogUrl    catalog-service: models, sessions, accounts, audit
 * @param pricingUrl    pricing-service: routes, scheduled changes, providers, audit
 * @param comparisonUrl comparison-service: curated pairs, previews
 * @param timeout       how long one call may take before the console says the service cannot be reached
 * @param pageUrl       page-service: which pages an audited change reached
 * @param siteUrl       the public site's address, for links to its pages ({@code LLMREF_BASE_URL})
 */
@ConfigurationProperties("llmref.console")
public record ConsoleSettings(
        @DefaultValue("http://localhost:8081") URI catalogUrl,
        @DefaultValue("http://localhost:8082") URI pricingUrl,
        @DefaultValue("http://localhost:8083") URI comparisonUrl,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("http://localhost:8080") URI pageUrl,
        @DefaultValue("http://localhost:8080") URI siteUrl) {
}
