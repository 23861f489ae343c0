package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.repriced;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;
import static org.llmreference.page.DemoComparisons.withdrawn;
import static org.llmreference.page.Visitor.header;
import static org.llmreference.page.Visitor.text;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pages built from every stored page: model pages, the front page and its search, the sitemap
 * and the feed. One small catalog of its own: three models, three pairs, one of them withdrawn and
 * one changed after it was first published.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowsingTheSiteTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TAG = uniqueTag();
    static final Side GPT = side("gpt-oss-20b", TAG);
    static final Side QWEN = side("qwen3.5-4b", TAG);
    static final Side CLAUDE = side("claude-haiku-4-5", TAG);
    static final Comparison GPT_QWEN = compare(GPT, QWEN);
    static final Comparison GPT_QWEN_REPRICED = compare(repriced(GPT, "2"), QWEN);
    static final Comparison CLAUDE_GPT = compare(CLAUDE, GPT);
    static final Comparison CLAUDE_QWEN = compare(CLAUDE, QWEN);
    static boolean published;

    @Autowired
    Environment environment;

    @BeforeEach
    void publishTheCatalogOnce(TestInfrastructure infrastructure) {
        if (published) {
            return;
        }
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            List<Envelope<?>> events = List.of(changed(GPT_QWEN, 1, List.of()), changed(CLAUDE_GPT, 1, List.of()),
                    changed(CLAUDE_QWEN, 1, List.of()), changed(GPT_QWEN_REPRICED, 2, List.of("pricing", "monthlyCost")),
                    withdrawn(CLAUDE_QWEN, 2, "the pair left the graph"));
            events.forEach(sender::send);
        }
        await().atMost(WAIT).until(() -> visitor().revisionOf("/compare/" + GPT_QWEN.pairId()) == 2
                && visitor().get("/compare/" + CLAUDE_QWEN.pairId()).statusCode() == 410
                && visitor().revisionOf("/compare/" + CLAUDE_GPT.pairId()) == 1);
        published = true;
    }

    @Test
    void aModelPageShowsItsFactsAndEveryLiveComparison() {
        HttpResponse<byte[]> page = visitor().get("/models/" + GPT.id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(header(page, "ETag")).isNotBlank();
        assertThat(header(page, "Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(text(page)).contains(GPT.name())
                .contains("/compare/" + GPT_QWEN.pairId())
                .contains("/compare/" + CLAUDE_GPT.pairId())
                .contains("Context window");
        assertThat(visitor().get("/models/" + GPT.id(), "If-None-Match", header(page, "ETag")).statusCode()).isEqualTo(304);
    }

    @Test
    void aModelPageListsOnlyLiveComparisons() {
        String qwen = visitor().text("/models/" + QWEN.id());

        assertThat(qwen).contains("/compare/" + GPT_QWEN.pairId()).doesNotContain("/compare/" + CLAUDE_QWEN.pairId());
    }

    @Test
    void aModelWithoutLiveComparisonsAnswersThe404Page() {
        for (String path : List.of("/models/no-such-model-" + TAG, "/models/NOT_A_SLUG", "/models/a/b")) {
            HttpResponse<byte[]> missing = visitor().get(path);

            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(header(missing, "Content-Type")).as(path).isEqualTo("text/html;charset=UTF-8");
            assertThat(text(missing)).as(path).doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownPathGivesABrowserTheHelpful404PageAndAnApiClientAProblem() {
        HttpResponse<byte[]> browser = visitor().get("/no-such-page/" + QWEN.id(), "Accept", "text/html,application/xhtml+xml");

        assertThat(browser.statusCode()).isEqualTo(404);
        assertThat(header(browser, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(text(browser)).contains("<form").contains("/models/" + QWEN.id()).doesNotContain("Exception");
        HttpResponse<byte[]> client = visitor().get("/no-such-page/" + QWEN.id(), "Accept", "application/json");
        assertThat(client.statusCode()).isEqualTo(404);
        assertThat(header(client, "Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void theSearchFindsModelsByNameWhateverTheCase() {
        String query = QWEN.name().toUpperCase(Locale.ROOT);

        HttpResponse<byte[]> results = visitor().get("/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(text(results)).contains("/models/" + QWEN.id()).doesNotContain("/models/" + GPT.id() + "\"");
        assertThat(visitor().text("/?q=" + TAG)).as("by id").contains("/models/" + QWEN.id()).contains("/models/" + GPT.id());
    }

    @Test
    void aSearchWithoutMatchSaysSo() {
        String query = "zz-nothing-" + TAG;

        String results = visitor().text("/?q=" + query);

        assertThat(results).contains("No model matches “" + query + "”").doesNotContain("/models/" + GPT.id());
    }

    @Test
    void theFrontPageListsTheLatestComparisons() {
        String front = visitor().text("/");

        assertThat(front).contains("/compare/" + GPT_QWEN.pairId()).doesNotContain("/compare/" + CLAUDE_QWEN.pairId());
    }

    @Test
    void theSitemapListsEveryLivePageAndNoWithdrawnOne() throws Exception {
        HttpResponse<byte[]> sitemap = visitor().get("/sitemap.xml");

        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(header(sitemap, "Content-Type")).isEqualTo("application/xml;charset=UTF-8");
        Document xml = parse(sitemap.body());
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locations = texts(xml, "http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        String base = "http://localhost:" + environment.getProperty("server.port");
        assertThat(locations).contains(base + "/compare/" + GPT_QWEN.pairId(), base + "/compare/" + CLAUDE_GPT.pairId(),
                base + "/models/" + GPT.id(), base + "/models/" + QWEN.id(), base + "/models/" + CLAUDE.id());
        assertThat(locations).doesNotContain(base + "/compare/" + CLAUDE_QWEN.pairId());
        NodeList urls = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String lastmod = url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "lastmod").item(0)
                    .getTextContent();
            assertThat(Instant.parse(lastmod)).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void theFeedSaysWhichSectionsChangedAndWhatWasWithdrawn() throws Exception {
        HttpResponse<byte[]> feed = visitor().get("/feed.xml");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(header(feed, "Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
        Document xml = parse(feed.body());
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(texts(xml, atom, "title")).contains(
                GPT_QWEN.title() + ": Monthly cost, Pricing and availability changed",
                GPT_QWEN.title() + ": first published",
                CLAUDE_QWEN.title() + ": withdrawn");
        NodeList entries = xml.getElementsByTagNameNS(atom, "entry");
        assertThat(entries.getLength()).isBetween(4, 50);
        List<Instant> updated = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(entry.getElementsByTagNameNS(atom, "id").item(0).getTextContent()).startsWith("tag:");
            assertThat(((Element) entry.getElementsByTagNameNS(atom, "link").item(0)).getAttribute("href")).contains("/compare/");
            updated.add(Instant.parse(entry.getElementsByTagNameNS(atom, "updated").item(0).getTextContent()));
        }
        assertThat(updated).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void theFeedAndThePageSayWhatMovedWithTheOldAndNewPrices() throws Exception {
        String atom = "http://www.w3.org/2005/Atom";
        String moved = cost(GPT_QWEN).outputRoute() + " output " + perMTok(cost(GPT_QWEN).outputPricePerMTok()) + " → "
                + perMTok(cost(GPT_QWEN_REPRICED).outputPricePerMTok()) + " per 1M tokens";

        List<String> summaries = texts(parse(visitor().get("/feed.xml").body()), atom, "summary");
        String page = visitor().text("/compare/" + GPT_QWEN.pairId());

        assertThat(summaries).anySatisfy(summary -> assertThat(summary).startsWith("Revision 2: " + GPT.name() + ": ")
                .contains(moved).contains("monthly cost $").contains("verdict"));
        assertThat(page).contains(moved);
    }

    @Test
    void eachModelHasItsOwnFeedOfItsPagesChanges() throws Exception {
        HttpResponse<byte[]> feed = visitor().get("/models/" + CLAUDE.id() + "/feed.xml");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(header(feed, "Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
        String atom = "http://www.w3.org/2005/Atom";
        Document xml = parse(feed.body());
        assertThat(texts(xml, atom, "title")).contains(CLAUDE_GPT.title() + ": first published",
                CLAUDE_QWEN.title() + ": withdrawn").noneMatch(title -> title.startsWith(GPT_QWEN.title()));
        assertThat(((Element) xml.getDocumentElement().getElementsByTagNameNS(atom, "link").item(0)).getAttribute("href"))
                .endsWith("/models/" + CLAUDE.id() + "/feed.xml");
        assertThat(visitor().text("/models/" + CLAUDE.id())).contains("href=\"/models/" + CLAUDE.id() + "/feed.xml\"");
    }

    @Test
    void anUnknownModelHasNoFeed() {
        for (String path : List.of("/models/no-such-model-" + TAG + "/feed.xml", "/models/NOT_A_SLUG/feed.xml")) {
            HttpResponse<byte[]> missing = visitor().get(path);

            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(text(missing)).as(path).doesNotContain("Exception");
        }
    }

    private static org.llmreference.contracts.comparison.ModelCost cost(Comparison comparison) {
        return comparison.monthlyCost().models().stream().filter(model -> model.modelId().equals(GPT.id())).findFirst()
                .orElseThrow();
    }

    /** $0.14, $0.075, $2.00: as the page writes a price per 1M tokens. */
    private static String perMTok(java.math.BigDecimal price) {
        java.math.BigDecimal plain = price.stripTrailingZeros();
        return "$" + plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<String> texts(Document xml, String namespace, String element) {
        NodeList nodes = xml.getElementsByTagNameNS(namespace, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private Visitor visitor() {
        return new Visitor(environment.getProperty("local.server.port"));
    }
}
