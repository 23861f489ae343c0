package org.llmreference.page.rendering;

import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ModelSummary;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema.org description of a page, for {@code <script type="application/ld+json">}: written by
 * the JSON writer (never by concatenating catalog text), then made safe to sit inside a script
 * element.
 */
final class JsonLd {

    private JsonLd() {
    }

    /** A WebPage about the two models of the comparison. */
    static String comparison(Site site, ComparisonView view) {
        Comparison comparison = view.comparison();
        ObjectNode page = EventCodec.mapper().createObjectNode();
        page.put("@context", "https://schema.org");
        page.put("@type", "WebPage");
        page.put("@id", view.canonical());
        page.put("url", view.canonical());
        page.put("name", comparison.title());
        page.put("headline", comparison.title());
        if (view.description() != null) {
            page.put("description", view.description());
        }
        page.put("inLanguage", "en");
        page.put("dateModified", view.page().occurredAt().toString());
        if (comparison.lastReviewed() != null) {
            page.put("lastReviewed", comparison.lastReviewed().toString());
        }
        ObjectNode website = page.putObject("isPartOf");
        website.put("@type", "WebSite");
        website.put("name", site.name());
        website.put("url", site.baseUrl() + "/");
        ArrayNode about = page.putArray("about");
        about(about.addObject(), site, comparison.modelA());
        about(about.addObject(), site, comparison.modelB());
        return forScript(EventCodec.mapper().writeValueAsString(page));
    }

    private static void about(ObjectNode node, Site site, ModelSummary model) {
        node.put("@type", "SoftwareApplication");
        node.put("name", model.name());
        node.put("identifier", model.id());
        node.put("url", site.baseUrl() + Links.model(model.id()));
        node.put("applicationCategory", "Large language model");
        if (model.vendor() != null && !model.vendor().isBlank()) {
            ObjectNode creator = node.putObject("creator");
            creator.put("@type", "Organization");
            creator.put("name", model.vendor());
        }
    }

    /**
     * JSON that cannot end the script element nor open a comment or CDATA in it: {@code <}, {@code >}
     * and {@code &} become {@code \\u} escapes, as do U+2028 and U+2029. These characters only ever
     * occur inside JSON strings, where the escape means the same character, so the JSON is unchanged.
     */
    static String forScript(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String escape = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(json.length() + 32).append(json, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? json : out.toString();
    }
}
