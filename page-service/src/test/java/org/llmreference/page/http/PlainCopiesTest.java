package org.llmreference.page.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PlainCopiesTest {

    final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void answersTheSameBytesAsInflatingAndKeepsThemForTheNextRequest() throws IOException {
        PlainCopies copies = new PlainCopies(1_000_000, meters);
        Representation page = stored("<p>gpt-oss-20b vs qwen3.5-4b</p>".repeat(200), 1);

        byte[] first = plainOf(copies, page);
        byte[] second = plainOf(copies, page);

        assertThat(first).isEqualTo(second).isEqualTo(page.plainBytes());
        assertThat(copies.held(page.etag())).isEqualTo(page.plainBytes());
        assertThat(meters.get("llmref.pages.plain.cache").tag("result", "miss").counter().count()).isEqualTo(1);
        assertThat(meters.get("llmref.pages.plain.cache").tag("result", "hit").counter().count()).isEqualTo(1);
    }

    @Test
    void neverAnswersANewerRevisionWithTheCopyOfAnOlderOne() throws IOException {
        PlainCopies copies = new PlainCopies(1_000_000, meters);
        Representation older = stored("<p>$0.30/1M tokens</p>".repeat(100), 1);
        Representation newer = stored("<p>$0.25/1M tokens</p>".repeat(100), 2);
        plainOf(copies, older);

        assertThat(plainOf(copies, newer)).isEqualTo(newer.plainBytes());
        assertThat(plainOf(copies, newer)).isEqualTo(newer.plainBytes());
        assertThat(new String(plainOf(copies, newer), StandardCharsets.UTF_8)).doesNotContain("$0.30");
    }

    @Test
    void holdsNoMoreBytesThanItsBudgetHoweverManyPagesAreAskedFor() throws IOException {
        long budget = 200_000;
        PlainCopies copies = new PlainCopies(budget, meters);
        Random random = new Random(42);

        for (int revision = 1; revision <= 300; revision++) {
            Representation page = stored(randomHtml(random, 5_000 + random.nextInt(20_000)), revision);
            assertThat(plainOf(copies, page)).isEqualTo(page.plainBytes());
            assertThat(copies.bytes()).as("after page %d", revision).isLessThanOrEqualTo(budget);
        }
        assertThat(copies.entries()).isPositive();
        assertThat(meters.get("llmref.pages.plain.cache.bytes").gauge().value()).isEqualTo(copies.bytes())
                .isGreaterThan(budget / 2.0);
    }

    @Test
    void keepsNoPageLargerThanTheWholeBudget() throws IOException {
        PlainCopies copies = new PlainCopies(1_000, meters);
        Representation page = stored("x".repeat(5_000), 1);

        assertThat(plainOf(copies, page)).isEqualTo(page.plainBytes());
        assertThat(copies.held(page.etag())).isNull();
        assertThat(copies.bytes()).isZero();
    }

    @Test
    void aBudgetOfZeroInflatesEveryTimeAndKeepsNothing() throws IOException {
        PlainCopies copies = new PlainCopies(0, meters);
        Representation page = stored("<p>page</p>".repeat(100), 1);

        assertThat(plainOf(copies, page)).isEqualTo(page.plainBytes());
        assertThat(copies.entries()).isZero();
        assertThatThrownBy(() -> new PlainCopies(-1, meters)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
    }

    @Test
    void writesTheBytesARepresentationKeepsWithoutCopyingThem() throws IOException {
        PlainCopies copies = new PlainCopies(1_000_000, meters);
        Representation feed = Representation.of(Representation.ATOM, "<feed/>", null, null);

        assertThat(plainOf(copies, feed)).isEqualTo(feed.plain());
        assertThat(copies.entries()).isZero();
    }

    /** As page-service stores a page: the gzip bytes only, tagged by revision and the hash of the HTML. */
    private static Representation stored(String html, long revision) {
        byte[] plain = html.getBytes(StandardCharsets.UTF_8);
        return new Representation(Representation.HTML, Gzip.compress(plain), null,
                Representation.etag(Long.toString(revision), plain), null);
    }

    private static byte[] plainOf(PlainCopies copies, Representation page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copies.writePlain(page, out);
        return out.toByteArray();
    }

    private static String randomHtml(Random random, int length) {
        StringBuilder html = new StringBuilder(length);
        while (html.length() < length) {
            html.append("<td>").append(random.nextInt(1_000_000)).append("</td>");
        }
        return html.toString();
    }
}
