package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;
import static org.llmreference.page.DemoComparisons.withdrawn;
import static org.llmreference.page.Visitor.header;
import static org.llmreference.page.Visitor.text;
import static org.llmreference.testsupport.Fixtures.aModelLike;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

/**
 * Comparison events in, pages out, through the real embedded broker and wire server: what
 * {@code /compare/{a}-vs-{b}} answers, with which headers, for a live, a withdrawn, a reversed, an
 * unknown and a malformed pair.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServingComparisonPagesTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Environment environment;

    @Test
    void servesAPublishedComparisonAsCacheableHtml(TestInfrastructure infrastructure) {
        Comparison comparison = published(infrastructure, "gpt-oss-20b", "qwen3.5-4b");

        HttpResponse<byte[]> page = visitor().get("/compare/" + comparison.pairId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(header(page, "ETag")).matches("\"1-[0-9a-f]{16}\"");
        assertThat(header(page, "Last-Modified")).isNotBlank();
        assertThat(header(page, "Cache-Control")).as("Spring Security adds no no-cache").isEqualTo("public, max-age=60");
        assertThat(page.headers().allValues("Cache-Control")).hasSize(1);
        assertThat(header(page, "Pragma")).isNull();
        assertThat(header(page, "Expires")).isNull();
        assertThat(header(page, "Vary")).contains("Accept-Encoding");
        assertThat(header(page, "Content-Encoding")).isNull();
        assertThat(header(page, "Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(text(page)).contains(comparison.modelA().name()).contains(comparison.modelB().name());
    }

    @Test
    void servesThePrecompressedPageToClientsThatAcceptGzip(TestInfrastructure infrastructure) throws IOException {
        Comparison comparison = published(infrastructure, "gpt-oss-120b", "llama-3.3-70b");
        String path = "/compare/" + comparison.pairId();

        HttpResponse<byte[]> plain = visitor().get(path);
        HttpResponse<byte[]> gzipped = visitor().get(path, "Accept-Encoding", "gzip, deflate, br");
        HttpResponse<byte[]> refused = visitor().get(path, "Accept-Encoding", "gzip;q=0, br");

        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(header(gzipped, "ETag")).as("another encoding, another strong tag")
                .isNotEqualTo(header(plain, "ETag")).startsWith("\"1-");
        assertThat(header(refused, "Content-Encoding")).isNull();
        assertThat(refused.body()).isEqualTo(plain.body());
    }

    @Test
    void answersConditionalRequestsWith304(TestInfrastructure infrastructure) {
        Comparison comparison = published(infrastructure, "claude-haiku-4-5", "gemini-2.5-flash");
        String path = "/compare/" + comparison.pairId();
        HttpResponse<byte[]> page = visitor().get(path);
        String etag = header(page, "ETag");
        String lastModified = header(page, "Last-Modified");
        String gzipEtag = header(visitor().get(path, "Accept-Encoding", "gzip"), "ETag");

        HttpResponse<byte[]> sameTag = visitor().get(path, "If-None-Match", etag);
        HttpResponse<byte[]> gzipTag = visitor().get(path, "If-None-Match", gzipEtag, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> oneOfTags = visitor().get(path, "If-None-Match", "\"0-nothing\", " + etag);
        HttpResponse<byte[]> otherTag = visitor().get(path, "If-None-Match", "\"0-nothing\"");
        HttpResponse<byte[]> notModifiedSince = visitor().get(path, "If-Modified-Since", lastModified);
        HttpResponse<byte[]> modifiedSince = visitor().get(path, "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT");
        HttpResponse<byte[]> tagWins = visitor().get(path, "If-None-Match", "\"0-nothing\"", "If-Modified-Since", lastModified);

        assertThat(sameTag.statusCode()).isEqualTo(304);
        assertThat(sameTag.body()).isEmpty();
        assertThat(header(sameTag, "ETag")).isEqualTo(etag);
        assertThat(header(sameTag, "Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(gzipTag.statusCode()).isEqualTo(304);
        assertThat(oneOfTags.statusCode()).isEqualTo(304);
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(notModifiedSince.statusCode()).isEqualTo(304);
        assertThat(modifiedSince.statusCode()).isEqualTo(200);
        assertThat(tagWins.statusCode()).as("If-None-Match decides when present").isEqualTo(200);
    }

    @Test
    void redirectsThePairWrittenInTheOtherOrderToItsCanonicalPage(TestInfrastructure infrastructure) {
        Comparison comparison = published(infrastructure, "gpt-4o", "o3-mini");
        String reversed = comparison.modelB().id() + "-vs-" + comparison.modelA().id();

        HttpResponse<byte[]> redirect = visitor().get("/compare/" + reversed);

        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(header(redirect, "Location")).isEqualTo("/compare/" + comparison.pairId());
    }

    @Test
    void answersUnknownAndMalformedPairsWithTheHelpful404Page(TestInfrastructure infrastructure) {
        Comparison comparison = published(infrastructure, "deepseek-v3.2", "mistral-large");
        String known = comparison.modelA().id();

        for (String path : List.of("/compare/" + known + "-vs-no-such-model", "/compare/not-a-pair",
                "/compare/UPPER-vs-case", "/compare/same-vs-same", "/compare/a-vs-b/extra", "/compare/",
                "/compare/%3Cscript%3E-vs-x")) {
            HttpResponse<byte[]> missing = visitor().get(path);

            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(header(missing, "Content-Type")).as(path).isEqualTo("text/html;charset=UTF-8");
            assertThat(text(missing)).as(path).contains("<html").doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("<script>");
        }
        assertThat(visitor().text("/compare/" + known + "-vs-no-such-model")).as("suggests the model asked for")
                .contains("/models/" + known);
    }

    @Test
    void answersAWithdrawnPairWith410AndLinksToThePagesOfItsModels(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Comparison withdrawnPair = compare(side("gemini-2.5-pro", tag), side("claude-sonnet-4-5", tag));
        Comparison keepsA = compare(side("gemini-2.5-pro", tag), side("gpt-4.1-mini", tag));
        Comparison keepsB = compare(side("claude-sonnet-4-5", tag), side("gpt-4.1-mini", tag));
        send(infrastructure, changed(keepsA, 1, List.of()), changed(keepsB, 1, List.of()),
                changed(withdrawnPair, 1, List.of()));
        awaitRevision(withdrawnPair.pairId(), 1);

        send(infrastructure, withdrawn(withdrawnPair, 2, "the pair left the graph"));
        await().atMost(WAIT).until(() -> visitor().get("/compare/" + withdrawnPair.pairId()).statusCode() == 410);

        HttpResponse<byte[]> gone = visitor().get("/compare/" + withdrawnPair.pairId());
        assertThat(header(gone, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(text(gone)).contains("the pair left the graph")
                .contains("/models/" + withdrawnPair.modelA().id())
                .contains("/models/" + withdrawnPair.modelB().id());
    }

    @Test
    void theGonePageOfADeprecatedModelsComparisonLinksTheSameComparisonWithItsSuccessor(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Side gpt = side("gpt-oss-20b", tag);
        Side deprecated = new Side(aModelLike(gpt.model()).retired(LocalDate.of(2026, 9, 30), "gpt-oss-20b-next-" + tag)
                .withStatus(ModelStatus.DEPRECATED).build(), gpt.routes());
        Comparison comparison = compare(deprecated, side("qwen3.5-4b", tag));
        send(infrastructure, changed(comparison, 1, List.of()));
        awaitRevision(comparison.pairId(), 1);
        assertThat(visitor().text("/compare/" + comparison.pairId()))
                .contains("is deprecated and retires on 2026-09-30.");

        send(infrastructure, withdrawn(comparison, 2, "gpt-oss-20b " + tag + " was retired"));
        await().atMost(WAIT).until(() -> visitor().get("/compare/" + comparison.pairId()).statusCode() == 410);

        String successorPair = PairId.of("gpt-oss-20b-next-" + tag, "qwen3.5-4b-" + tag).toString();
        assertThat(visitor().text("/compare/" + comparison.pairId()))
                .contains("Compare the successor instead")
                .contains("href=\"/compare/" + successorPair + "\"");
    }

    @Test
    void linksTheFrontPageFromAWithdrawnPairWhoseModelsHaveNoOtherComparison(TestInfrastructure infrastructure) {
        Comparison comparison = published(infrastructure, "qwen3.5-397b-a17b", "gpt-oss-20b");

        send(infrastructure, withdrawn(comparison, 2, "a model was retired"));
        await().atMost(WAIT).until(() -> visitor().get("/compare/" + comparison.pairId()).statusCode() == 410);

        String gone = visitor().text("/compare/" + comparison.pairId());
        assertThat(gone).contains("a model was retired").contains("href=\"/\"")
                .doesNotContain("/models/" + comparison.modelA().id() + "\"")
                .doesNotContain("/models/" + comparison.modelB().id() + "\"");
    }

    @Test
    void servesTheStylesheetForAWeek() {
        HttpResponse<byte[]> css = visitor().get("/site.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(header(css, "Content-Type")).isEqualTo("text/css;charset=UTF-8");
        assertThat(header(css, "Cache-Control")).isEqualTo("public, max-age=604800");
        assertThat(css.body()).isNotEmpty();
    }

    private Comparison published(TestInfrastructure infrastructure, String x, String y) {
        String tag = uniqueTag();
        Comparison comparison = compare(side(x, tag), side(y, tag));
        send(infrastructure, changed(comparison, 1, List.of()));
        awaitRevision(comparison.pairId(), 1);
        return comparison;
    }

    private void awaitRevision(String pairId, long revision) {
        await().atMost(WAIT).until(() -> visitor().revisionOf("/compare/" + pairId) == revision);
    }

    private static void send(TestInfrastructure infrastructure, Envelope<?>... events) {
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            for (Envelope<?> event : events) {
                sender.send(event);
            }
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private Visitor visitor() {
        return new Visitor(environment.getProperty("local.server.port"));
    }
}
