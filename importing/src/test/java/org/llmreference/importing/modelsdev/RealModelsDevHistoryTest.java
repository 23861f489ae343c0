package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmreference.importing.SharedData;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.HistoryBundle.Step;

/**
 * The history of models.dev's whole repository (the shared bundle), checked against steps read by
 * hand with {@code git log -p --first-parent dev -- <file>}. Skipped where the shared data is absent.
 */
class RealModelsDevHistoryTest {

    static ModelsDevHistory.Result result;

    @BeforeAll
    static void readTheBundle() {
        result = ModelsDevHistory.read(SharedData.modelsDevBundle(), line -> { });
    }

    static List<Step> steps(String modelId, String providerId) {
        return result.history().steps().stream()
                .filter(s -> s.route().modelId().equals(modelId) && s.route().providerId().equals(providerId)).toList();
    }

    /** at, kind, commit, input, output, cache read, cache write. */
    static String describe(Step step) {
        return step.at() + " " + step.kind() + " " + step.commit().substring(0, 8) + " " + plain(step.route().inputPricePerMTok())
                + "/" + plain(step.route().outputPricePerMTok()) + " cache " + plain(step.route().cachedInputPricePerMTok())
                + "/" + plain(step.route().cacheWritePricePerMTok());
    }

    private static String plain(BigDecimal price) {
        return price == null ? "-" : price.toPlainString();
    }

    @Test
    void walksEveryFirstParentCommitOfDev() {
        assertThat(result.figures().commits()).isEqualTo(2_473);
        assertThat(result.figures().last().id()).isEqualTo("f3fc692299671838c7c65fd8126bf84d81a2e817");
        assertThat(result.history().steps()).allSatisfy(step -> assertThat(step.at()).isBefore(Instant.parse("2026-07-02T00:00:00Z")));
    }

    @Test
    void groqsGptOss20bGotCheaperThenACachePrice() {
        // providers/groq/models/openai/gpt-oss-20b.toml: added 0.10/0.50; 0.075/0.30 on 2026-01-04; cache_read 0.0375 on 2026-05-27
        assertThat(steps("gpt-oss-20b", "groq")).extracting(RealModelsDevHistoryTest::describe).containsExactly(
                "2025-08-05T17:50:42Z applied 3907a223 0.1/0.5 cache -/-",
                "2026-01-04T19:16:54Z applied 65b43b44 0.075/0.3 cache -/-",
                "2026-05-27T16:39:22Z applied dad245c5 0.075/0.3 cache 0.0375/-");
        assertThat(steps("gpt-oss-20b", "groq")).allSatisfy(step -> {
            assertThat(step.path()).isEqualTo("providers/groq/models/openai/gpt-oss-20b.toml");
            assertThat(step.route().sourceUrl()).isEqualTo("https://github.com/anomalyco/models.dev/blob/" + step.commit()
                    + "/providers/groq/models/openai/gpt-oss-20b.toml");
        });
    }

    @Test
    void followsARouteRenamedUpstream() {
        // anthropic.claude-opus-4-6-v1:0.toml was renamed to anthropic.claude-opus-4-6-v1.toml in 2c67792e, which added
        // the over-200k tier; a context window of 200k (06e7d4db) made the tier one that can never apply
        List<Step> steps = steps("claude-opus-4-6", "amazon-bedrock");
        assertThat(steps).extracting(RealModelsDevHistoryTest::describe).containsExactly(
                "2026-02-05T18:39:29Z applied 183dd5c4 5/25 cache 0.5/6.25",
                "2026-02-05T20:49:03Z applied 2c67792e 5/25 cache 0.5/6.25",
                "2026-03-06T16:25:37Z applied 06e7d4db 5/25 cache 0.5/6.25");
        assertThat(steps).extracting(Step::path).containsExactly(
                "providers/amazon-bedrock/models/anthropic.claude-opus-4-6-v1:0.toml",
                "providers/amazon-bedrock/models/anthropic.claude-opus-4-6-v1.toml",
                "providers/amazon-bedrock/models/anthropic.claude-opus-4-6-v1.toml");
        assertThat(steps.get(1).route().contextTiers()).singleElement().satisfies(tier -> {
            assertThat(tier.aboveTokens()).isEqualTo(200_000);
            assertThat(tier.inputPricePerMTok()).isEqualByComparingTo("10");
        });
        assertThat(steps.get(2).route().contextTiers()).isEmpty();
    }

    @Test
    void resolvesExtendsAtEachCommitAndWithdrawsARouteRemovedUpstream() {
        // llmgateway's file: 3.00/15.00/cache 0.30 (ad3305bc); became [extends] from anthropic's file, which has
        // cache_write 3.75 (81261246); deleted in b338d8a9
        assertThat(steps("claude-3-5-sonnet-20241022", "llmgateway")).extracting(RealModelsDevHistoryTest::describe)
                .containsExactly(
                        "2026-04-02T16:12:23Z applied ad3305bc 3/15 cache 0.3/-",
                        "2026-04-18T23:37:26Z applied 81261246 3/15 cache 0.3/3.75",
                        "2026-06-24T19:07:04Z withdrawn b338d8a9 3/15 cache 0.3/3.75");
        // deepseek's own deepseek-v3.2.toml lived two days
        assertThat(steps("deepseek-v3.2", "deepseek")).extracting(RealModelsDevHistoryTest::describe).containsExactly(
                "2025-12-08T04:30:03Z applied 0c37a91e 0.28/0.42 cache -/-",
                "2025-12-10T17:17:09Z withdrawn 10d232ab 0.28/0.42 cache -/-");
    }

    @Test
    void aRouteChangesAtMostOncePerCommit() {
        assertThat(result.history().steps().stream()
                .map(s -> s.route().modelId() + "/" + s.route().providerId() + "@" + s.commit()).distinct().count())
                .isEqualTo(result.history().steps().size());
        assertThat(result.history().steps()).extracting(Step::kind).containsOnly(HistoryBundle.APPLIED, HistoryBundle.WITHDRAWN);
    }
}
