package org.llmreference.page.rendering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to a page's facts, for the "what changed" box and the feed.
 *
 * @param revision   the comparison revision that brought it
 * @param occurredAt when the editor's change was accepted
 * @param sections   the sections whose facts changed (comparison field names: {@code verdict},
 *                   {@code monthlyCost}, {@code pricing}, ...); all of them for a page's first revision
 */
public record PageChange(long revision, Instant occurredAt, List<String> sections) {

    /** What a first revision says instead of its sections. */
    public static final String FIRST_PUBLISHED = "First published";

    /** Comparison field name to the section of the page that shows it, in page order. */
    private static final Map<String, String> SECTION_TITLES = sectionTitles();

    public PageChange {
        Objects.requireNonNull(occurredAt, "occurredAt");
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /**
     * The page section that shows a comparison field, as the page titles it ({@code monthlyCost} is
     * "Monthly cost", {@code title} is "Overview", {@code sources} is "Sources"); an unknown field
     * name is returned as it is.
     */
    public static String sectionTitle(String field) {
        return SECTION_TITLES.getOrDefault(field, field);
    }

    /**
     * What changed, in words: "First published" for revision 1, otherwise the titles of the changed
     * sections in page order, each once ("Verdict, Monthly cost, Pricing and availability").
     */
    public String summary() {
        if (revision <= 1) {
            return FIRST_PUBLISHED;
        }
        List<String> titles = new ArrayList<>();
        for (String title : SECTION_TITLES.values()) {
            if (!titles.contains(title) && sections.stream().anyMatch(field -> title.equals(SECTION_TITLES.get(field)))) {
                titles.add(title);
            }
        }
        for (String field : sections) {
            if (field != null && !SECTION_TITLES.containsKey(field) && !titles.contains(field)) {
                titles.add(field);
            }
        }
        return titles.isEmpty() ? "Facts updated" : String.join(", ", titles);
    }

    private static Map<String, String> sectionTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("title", "Overview");
        titles.put("intro", "Overview");
        titles.put("modelA", "Overview");
        titles.put("modelB", "Overview");
        titles.put("verdict", "Verdict");
        titles.put("scorecard", "Decision scorecard");
        titles.put("tradeoffs", "Decision tradeoffs");
        titles.put("monthlyCost", "Monthly cost");
        titles.put("switchFriction", "Switch friction");
        titles.put("specs", "Specs");
        titles.put("pricing", "Pricing and availability");
        titles.put("capabilities", "Capabilities");
        titles.put("benchmarks", "Benchmarks");
        titles.put("deepDive", "Deep dive");
        titles.put("faq", "FAQ");
        titles.put("related", "Continue comparing");
        titles.put("lastReviewed", "Sources");
        titles.put("sources", "Sources");
        return Collections.unmodifiableMap(titles);
    }
}
