package org.llmreference.page.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.rendering.PageChange;

/**
 * {@code /feed.xml}, Atom 1.0: the latest changes of the pages, newest first, each saying what
 * changed ("gpt-oss-20b vs Qwen3.5-4B: Monthly cost, Pricing and availability changed", "...: first
 * published", "...: withdrawn"), in the words of the page's own "What changed" box.
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
        List<Entry> entries = entries(pages);
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).updated();
        return Xml.document(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            Xml.element(xml, "id", tag(host, "feed"));
            Xml.element(xml, "title", siteName + ": page changes");
            Xml.element(xml, "subtitle", "What changed on each comparison page, newest first.");
            Xml.element(xml, "updated", time(updated));
            link(xml, "self", "application/atom+xml", baseUrl + "/feed.xml");
            link(xml, "alternate", "text/html", baseUrl + "/");
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
                entries.add(new Entry(page, change.revision(), change.occurredAt(), page.title() + ": " + what(change),
                        "Revision " + change.revision() + ": " + what(change) + "."));
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed()
                .thenComparing(entry -> entry.page().pairId())
                .thenComparing(Comparator.comparingLong(Entry::revision).reversed()));
        return entries.size() > ENTRIES ? List.copyOf(entries.subList(0, ENTRIES)) : entries;
    }

    /**
     * "first published", or the changed sections as the page titles them, in page order
     * ("Monthly cost, Pricing and availability changed").
     */
    static String what(PageChange change) {
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
