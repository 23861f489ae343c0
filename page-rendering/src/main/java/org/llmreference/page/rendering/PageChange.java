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
 * @param text       what moved, in words ({@link WhatChanged#between}: "OpenRouter output $0.14 → $0.12
 *                   per 1M tokens ..."), or null when no earlier comparison was at hand or nothing priced moved
 */
public record PageChange(long revision, Instant occurredAt, List<String> sections, String text) {

    /** What a first revision says instead of its sections. */
    public static final String FIRST_PUBLISHED = "First published";

    /** Comparison field name to the section of the page that shows it, in page order. */
    private static final Map<String, String> SECTION_TITLES = sectionTitles();

    public PageChange {
        Objects.requireNonNull(occurredAt, "occurredAt");
        sections = sections == null ? List.of() : List.copyOf(sections);
        text = text == null || text.isBlank() ? null : text;
    }

    /** A change known only by its sections. */
    public PageChange(long revision, Instant occurredAt, List<String> sections) {
        this(revision, occurredAt, sections, null);
    }

    /**
     * What the page's "What changed" box says about this change: what moved, in words, when known,
     * then the changed sections ("Model A: OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost
     * $59.00 → $54.00 on 2026-12-04; verdict unchanged. Changed: Monthly cost, Pricing and
     * availability"); else {@link #summary()} alone.
     */
    public String description() {
        return revision > 1 && text != null ? text + ". Changed: " + summary() : summary();
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
