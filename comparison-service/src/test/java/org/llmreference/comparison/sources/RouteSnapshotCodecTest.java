package org.llmreference.comparison.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

import com.mongodb.MongoClientSettings;

class RouteSnapshotCodecTest {

    static final RouteSnapshotCodec CODEC = new RouteSnapshotCodec(MongoClientSettings.getDefaultCodecRegistry());

    static final RouteSnapshot ROUTE = new RouteSnapshot("openrouter", "OpenRouter", new RouteTerms(
            new BigDecimal("0.03"), new BigDecimal("0.14"), null, null, null, null,
            List.of(new ContextTier(128_000, new BigDecimal("0.06"), null)), 131_072, "global", RouteStatus.DEPRECATED,
            "https://openrouter.ai", LocalDate.parse("2026-05-22")), Instant.parse("2026-05-01T00:00:00Z"));

    @Test
    void storesTheTermsNextToTheProviderAndReadsThemBack() {
        BsonDocument stored = new BsonDocument();
        CODEC.encode(new BsonDocumentWriter(stored), ROUTE, EncoderContext.builder().build());

        assertThat(stored.keySet()).contains("providerId", "inputPricePerMTok", "contextTiers", "status", "effectiveFrom")
                .doesNotContain("terms");
        assertThat(CODEC.decode(new BsonDocumentReader(stored), DecoderContext.builder().build())).isEqualTo(ROUTE);
    }

    @Test
    void readsARouteStoredBeforeTheTermsHadARecordOfTheirOwn() {
        BsonDocument stored = BsonDocument.parse("""
                {"providerId": "openrouter", "providerName": "OpenRouter",
                 "inputPricePerMTok": {"$numberDecimal": "0.03"}, "outputPricePerMTok": {"$numberDecimal": "0.14"},
                 "contextTiers": [{"aboveTokens": 128000, "inputPricePerMTok": {"$numberDecimal": "0.06"}}],
                 "contextWindow": 131072, "region": "global", "status": "DEPRECATED", "sourceUrl": "https://openrouter.ai",
                 "verifiedAt": {"$date": "2026-05-22T00:00:00Z"}, "effectiveFrom": {"$date": "2026-05-01T00:00:00Z"}}
                """);

        assertThat(CODEC.decode(new BsonDocumentReader(stored), DecoderContext.builder().build())).isEqualTo(ROUTE);
    }

    @Test
    void storesTheRoutesDatedPricesAndReadsThemBack() {
        RouteSnapshot withHistory = new RouteSnapshot(ROUTE.providerId(), ROUTE.providerName(), ROUTE.terms(),
                ROUTE.effectiveFrom(), List.of(
                        new PriceStep(Instant.parse("2026-03-01T00:00:00Z"), new BigDecimal("0.05"), new BigDecimal("0.2"),
                                null, null, null, null, "import"),
                        new PriceStep(Instant.parse("2026-05-01T00:00:00Z"), new BigDecimal("0.03"), new BigDecimal("0.14"),
                                null, null, null, null, "editor")));
        BsonDocument stored = new BsonDocument();
        CODEC.encode(new BsonDocumentWriter(stored), withHistory, EncoderContext.builder().build());

        assertThat(stored.getArray("history")).hasSize(2);
        RouteSnapshot read = CODEC.decode(new BsonDocumentReader(stored), DecoderContext.builder().build());
        assertThat(read).isEqualTo(withHistory);
        assertThat(read.terms()).isEqualTo(ROUTE.terms());
    }

    @Test
    void storesTheRoutesUpstreamSourceAndReadsItBack() {
        RouteSnapshot imported = new RouteSnapshot(ROUTE.providerId(), ROUTE.providerName(), ROUTE.terms(),
                new UpstreamSource("openai/gpt-oss-20b", "providers/openrouter/models/openai/gpt-oss-20b.toml",
                        "f3fc692a0bd2e7a1c7f1d6b0e0e4f9c1a2b3c4d5", Instant.parse("2026-07-01T10:00:00Z"),
                        List.of("providers/openrouter/models/openai/gpt-oss-20b:free.toml")),
                ROUTE.effectiveFrom());
        BsonDocument stored = new BsonDocument();
        CODEC.encode(new BsonDocumentWriter(stored), imported, EncoderContext.builder().build());

        assertThat(stored.getDocument("upstream").getString("path").getValue()).endsWith("gpt-oss-20b.toml");
        RouteSnapshot read = CODEC.decode(new BsonDocumentReader(stored), DecoderContext.builder().build());
        assertThat(read).isEqualTo(imported);
        assertThat(read.terms()).isEqualTo(ROUTE.terms());
    }
}
