package org.llmreference.page.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.llmreference.page.pages.IndexedPage;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9): the front page, every live comparison page and the page
 * of every model that has one, each with when it last changed.
 */
final class Sitemap {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Sitemap() {
    }

    /**
     * @param pages every page, live and gone: a model page's lastmod counts its gone pages too (it
     *              changed when one was withdrawn)
     */
    static String of(String baseUrl, List<IndexedPage> pages) {
        List<IndexedPage> live = pages.stream().filter(IndexedPage::live)
                .sorted(Comparator.comparing(IndexedPage::pairId)).toList();
        Map<String, Instant> models = new TreeMap<>();
        for (IndexedPage page : live) {
            models.put(page.modelA().id(), Instant.EPOCH);
            models.put(page.modelB().id(), Instant.EPOCH);
        }
        Instant newest = Instant.EPOCH;
        for (IndexedPage page : pages) {
            Instant renderedAt = page.renderedAt() == null ? Instant.EPOCH : page.renderedAt();
            models.computeIfPresent(page.modelA().id(), (id, at) -> later(at, renderedAt));
            models.computeIfPresent(page.modelB().id(), (id, at) -> later(at, renderedAt));
            newest = later(newest, renderedAt);
        }
        Instant front = newest;
        return Xml.document(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            url(xml, baseUrl + "/", front);
            for (IndexedPage page : live) {
                url(xml, baseUrl + "/compare/" + page.pairId(), page.renderedAt());
            }
            for (Map.Entry<String, Instant> model : models.entrySet()) {
                url(xml, baseUrl + "/models/" + model.getKey(), model.getValue());
            }
            xml.writeEndElement();
        });
    }

    private static void url(javax.xml.stream.XMLStreamWriter xml, String location, Instant lastModified)
            throws javax.xml.stream.XMLStreamException {
        xml.writeStartElement("url");
        Xml.element(xml, "loc", location);
        if (lastModified != null && lastModified.isAfter(Instant.EPOCH)) {
            Xml.element(xml, "lastmod", lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        xml.writeEndElement();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
