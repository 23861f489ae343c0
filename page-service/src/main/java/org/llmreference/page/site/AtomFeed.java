package org.llmreference.page.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;

/**
 * {@code /feed.xml} and each model's {@code /models/{id}/feed.xml}, Atom 1.0: the latest changes of
 * the pages, newest first, each titled by the sections that changed ("gpt-oss-20b vs Qwen3.5-4B:
 * Monthly cost, Pricing and availability changed", "...: first published", "...: withdrawn") and
 * saying what moved in the words of the page's own "What changed" box ("gpt-oss-20b: OpenRouter
 * output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00 on 2026-12-04; verdict unchanged").
 */
final class AtomFeed {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    static final int ENTRIES = 50;

    /** One entry: a change of a page's facts, or its withdrawal. */
    record Entry(IndexedPage page, long revision, Instant updated, String title, String summary) {
    }

    private AtomFeed() {
    }

    static String of(String baseUrl, String host, String siteName, List<IndexedPage> pages) {
        return feed(baseUrl, host, "feed", siteName + ": page changes", "What changed on each comparison page, newest first.",
                "/feed.xml", "/", siteName, pages);
    }

    /**
     * {@code /models/{id}/feed.xml}: the same entries, in the same words, for the pages of one model
     * ({@code pages} are that model's pages, live or withdrawn).
     */
    static String ofModel(String baseUrl, String host, String siteName, ModelLink model, List<IndexedPage> pages) {
        return feed(baseUrl, host, "models/" + model.id() + "/feed", siteName + ": " + model.name() + " page changes",
                "What changed on each comparison page of " + model.name() + ", newest first.",
                "/models/" + model.id() + "/feed.xml", "/models/" + model.id(), siteName, pages);
    }

    private static String feed(String baseUrl, String host, String id, String title, String subtitle, String self,
            String alternate, String siteName, List<IndexedPage> pages) {
        List<Entry> entries = entries(pages);
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).updated();
        return Xml.document(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            Xml.element(xml, "id", tag(host, id));
            Xml.element(xml, "title", title);
            Xml.element(xml, "subtitle", subtitle);
            Xml.element(xml, "updated", time(updated));
            link(xml, "self", "application/atom+xml", baseUrl + self);
            link(xml, "alternate", "text/html", baseUrl + alternate);
            xml.writeStartElement("author");
            Xml.element(xml, "name", siteName);
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                Xml.element(xml, "id", tag(host, "compare/" + entry.page().pairId() + "/" + entry.revision()));
                Xml.element(xml, "title", entry.title());
                Xml.element(xml, "updated", time(entry.updated()));
                link(xml, "alternate", "text/html", baseUrl + "/compare/" + entry.page().pairId());
                Xml.element(xml, "summary", entry.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** Every change of every page (and every withdrawal), newest first, the latest {@value #ENTRIES}. */
    static List<Entry> entries(List<IndexedPage> pages) {
        List<Entry> entries = new ArrayList<>();
        for (IndexedPage page : pages) {
            if (!page.live()) {
                Instant at = page.occurredAt() == null ? page.renderedAt() : page.occurredAt();
                entries.add(new Entry(page, page.revision(), at, page.title() + ": withdrawn",
                        "The comparison was withdrawn: " + page.withdrawnReason() + "."));
            }
            for (PageChange change : page.changes()) {
                entries.add(new Entry(page, change.revision(), change.occurredAt(), page.title() + ": " + sections(change),
                        "Revision " + change.revision() + ": " + what(change) + "."));
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed()
                .thenComparing(entry -> entry.page().pairId())
                .thenComparing(Comparator.comparingLong(Entry::revision).reversed()));
        return entries.size() > ENTRIES ? List.copyOf(entries.subList(0, ENTRIES)) : entries;
    }

    /**
     * "first published", what moved in words as the page's "What changed" box says it ("Model A:
     * OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00 on 2026-12-04;
     * verdict unchanged"), or else the changed sections as the page titles them, in page order
     * ("Monthly cost, Pricing and availability changed").
     */
    static String what(PageChange change) {
        return change.revision() > 1 && change.text() != null ? change.text() : sections(change);
    }

    /** "first published", or the changed sections ("Monthly cost, Pricing and availability changed"): an entry's title. */
    static String sections(PageChange change) {
        if (change.sections().isEmpty()) {
            return change.revision() <= 1 ? "first published" : "published again";
        }
        return change.summary() + " changed";
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** RFC 4151 tag URI, e.g. {@code tag:llmreference.org,2026:compare/a-vs-b/3}. */
    private static String tag(String host, String specific) {
        return "tag:" + host + ",2026:" + specific;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
