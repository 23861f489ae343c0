package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** jsoup helpers and the checks every page must pass, whatever it shows. */
final class HtmlChecks {

    private HtmlChecks() {
    }

    static Document parse(String html) {
        return Jsoup.parse(html, "https://llmreference.org/");
    }

    /** The page's visible text without the footnote and stale marks, as a visitor reads the words. */
    static String textWithoutMarks(Document document) {
        Document copy = document.clone();
        copy.select("sup.fn, span.stale, .visually-hidden, .skip").remove();
        return copy.body().text();
    }

    /** Each snippet occurs in the text after the previous one. */
    static void assertInOrder(String text, List<String> snippets) {
        int from = 0;
        for (String snippet : snippets) {
            int at = text.indexOf(snippet, from);
            assertThat(at)
                    .as("'%s' after position %d of the page text (after '%s')", snippet, from,
                            text.substring(Math.max(0, from - 60), from))
                    .isGreaterThanOrEqualTo(0);
            from = at + snippet.length();
        }
    }

    /** What every page of the site must be, as HTML and as a document a screen reader reads. */
    static void assertWellFormedPage(String html) {
        assertThat(html).startsWith("<!doctype html>");
        Document document = parse(html);
        assertThat(document.select("html").attr("lang")).isEqualTo("en");
        assertThat(document.select("head meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(document.select("head meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(document.select("head link[rel=stylesheet]").attr("href")).isEqualTo(PageRenderer.STYLESHEET_PATH);
        assertThat(document.select("head title").text()).isNotBlank();
        assertThat(document.select("body > header")).as("banner").hasSize(1);
        assertThat(document.select("body > header nav")).as("navigation").hasSize(1);
        assertThat(document.select("body > main")).as("main").hasSize(1);
        assertThat(document.select("body > footer")).as("content info").hasSize(1);
        assertThat(document.select("body > header a.brand[href=/]").text()).isEqualTo("LLM Reference");
        assertThat(document.select("h1")).as("one h1").hasSize(1);
        assertHeadingsInOrder(document);
        assertTablesAccessible(document);
        assertNoScriptButJsonLd(document);
        assertNoEventHandlersNorScriptLinks(document);
        assertLinksAreOursOrWeb(document);
    }

    /** No heading is more than one level below the one before it, and the first is the h1. */
    static void assertHeadingsInOrder(Document document) {
        List<Integer> levels = new ArrayList<>();
        for (Element heading : document.select("h1, h2, h3, h4, h5, h6")) {
            levels.add(heading.tagName().charAt(1) - '0');
        }
        assertThat(levels).isNotEmpty();
        assertThat(levels.get(0)).isEqualTo(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d of %s", i, levels).isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
    }

    /** Every table has a caption, every header cell a scope, every body row a row header. */
    static void assertTablesAccessible(Document document) {
        for (Element table : document.select("table")) {
            assertThat(table.select("> caption").text()).as("caption of %s", table.cssSelector()).isNotBlank();
            assertThat(table.select("th")).isNotEmpty();
            for (Element th : table.select("th")) {
                assertThat(th.attr("scope")).as("scope of th '%s'", th.text()).isIn("col", "row");
            }
            assertThat(table.select("thead th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
            for (Element row : table.select("tbody tr, tfoot tr")) {
                assertThat(row.child(0).tagName()).isEqualTo("th");
                assertThat(row.child(0).attr("scope")).isEqualTo("row");
            }
            assertThat(table.parent().hasClass("scroll")).as("table in a scrolling container").isTrue();
        }
    }

    /**
     * The only scripts: at most one JSON-LD block, and the cost calculator's data (JSON, never run)
     * with its one static script file; no inline code.
     */
    static void assertNoScriptButJsonLd(Document document) {
        assertThat(document.select("script")).allSatisfy(script -> assertThat(
                script.attr("type").equals("application/ld+json")
                        || script.attr("type").equals("application/json") && script.id().equals("calculator-data")
                        || script.attr("src").equals("/calculator.js") && script.data().isEmpty())
                .as("script %s", script.outerHtml().substring(0, Math.min(80, script.outerHtml().length()))).isTrue());
        assertThat(document.select("script[type=application/ld+json]").size()).isLessThanOrEqualTo(1);
        assertThat(document.select("script#calculator-data").size()).isLessThanOrEqualTo(1);
        assertThat(document.select("script[src]").size()).isLessThanOrEqualTo(1);
        assertThat(document.select("noscript, iframe, object, embed, img, form[action^=javascript]")).isEmpty();
    }

    static void assertNoEventHandlersNorScriptLinks(Document document) {
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute of <%s>", element.tagName()).doesNotStartWith("on");
                if (name.equals("href") || name.equals("src") || name.endsWith(":href") || name.equals("action")
                        || name.equals("formaction")) {
                    String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("data:")
                            .doesNotStartWith("vbscript:");
                }
            }
        }
    }

    /** Links only ever go to our own paths, to a footnote of the page, or to an http(s) URL elsewhere. */
    static void assertLinksAreOursOrWeb(Document document) {
        for (Element link : document.select("a")) {
            String href = link.attr("href");
            assertThat(href).as("href of '%s'", link.text())
                    .matches("/|/compare/[A-Za-z0-9._~%-]+|/models/[A-Za-z0-9._~%-]+(/feed\\.xml)?|#[a-z0-9-]+|https?://\\S+");
            if (href.startsWith("http")) {
                assertThat(link.attr("rel")).isEqualTo("nofollow noopener noreferrer");
            }
        }
    }
}
