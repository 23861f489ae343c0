package org.llmreference.pricing.providers;

import java.util.Objects;

/**
 * A company that serves models through an API, e.g. {@code openrouter} "OpenRouter".
 *
 * @param url      its home page, if known
 * @param revision counts the changes of name or url
 */
public record Provider(String id, String name, String url, long revision) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** Whether {@code name} and {@code url} are what this provider already says. */
    public boolean says(String name, String url) {
        return this.name.equals(name) && Objects.equals(this.url, url);
    }
}
