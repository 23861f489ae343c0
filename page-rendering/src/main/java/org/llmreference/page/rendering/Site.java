package org.llmreference.page.rendering;

import java.util.Objects;

/**
 * Where the site lives, for canonical links, Open Graph and JSON-LD.
 *
 * @param baseUrl absolute URL without a trailing slash, e.g. {@code https://llmreference.org}
 * @param name    the site's name, e.g. {@code LLM Reference}
 */
public record Site(String baseUrl, String name) {

    public Site {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(name, "name");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
