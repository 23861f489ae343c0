package org.llmreference.comparison.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonValue;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonWriter;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

/**
 * Stores a route flat, its {@link RouteTerms} next to the provider's ids, as the event carries it
 * and as the routes stored before the terms had a record of their own look; so both read alike.
 */
final class RouteSnapshotCodec implements Codec<RouteSnapshot> {

    private static final BsonDocumentCodec DOCUMENTS = new BsonDocumentCodec();

    private final Codec<RouteTerms> terms;
    private final Codec<PriceStep> steps;
    private final Codec<UpstreamSource> upstreams;

    /** @param registry where the codecs of the terms and price steps come from (the driver's record codec) */
    RouteSnapshotCodec(CodecRegistry registry) {
        this.terms = registry.get(RouteTerms.class);
        this.steps = registry.get(PriceStep.class);
        this.upstreams = registry.get(UpstreamSource.class);
    }

    @Override
    public void encode(BsonWriter writer, RouteSnapshot route, EncoderContext context) {
        BsonDocument document = new BsonDocument("providerId", new BsonString(route.providerId()))
                .append("providerName", new BsonString(route.providerName()));
        BsonDocument termsDocument = new BsonDocument();
        terms.encode(new BsonDocumentWriter(termsDocument), route.terms(), context);
        document.putAll(termsDocument);
        if (route.upstream() != null) {
            BsonDocument upstreamDocument = new BsonDocument();
            upstreams.encode(new BsonDocumentWriter(upstreamDocument), route.upstream(), context);
            document.append("upstream", upstreamDocument);
        }
        if (route.effectiveFrom() != null) {
            document.append("effectiveFrom", new BsonDateTime(route.effectiveFrom().toEpochMilli()));
        }
        if (!route.history().isEmpty()) {
            BsonArray history = new BsonArray();
            for (PriceStep step : route.history()) {
                BsonDocument stepDocument = new BsonDocument();
                steps.encode(new BsonDocumentWriter(stepDocument), step, context);
                history.add(stepDocument);
            }
            document.append("history", history);
        }
        DOCUMENTS.encode(writer, document, context);
    }

    @Override
    public RouteSnapshot decode(BsonReader reader, DecoderContext context) {
        BsonDocument document = DOCUMENTS.decode(reader, context);
        BsonDocument termsDocument = document.clone();
        termsDocument.remove("providerId");
        termsDocument.remove("providerName");
        termsDocument.remove("effectiveFrom");
        termsDocument.remove("history");
        termsDocument.remove("upstream");
        UpstreamSource upstream = document.isDocument("upstream")
                ? upstreams.decode(new BsonDocumentReader(document.getDocument("upstream")), DecoderContext.builder().build())
                : null;
        List<PriceStep> history = new ArrayList<>();
        if (document.isArray("history")) {
            for (BsonValue step : document.getArray("history")) {
                history.add(steps.decode(new BsonDocumentReader(step.asDocument()), DecoderContext.builder().build()));
            }
        }
        return new RouteSnapshot(document.getString("providerId").getValue(),
                document.getString("providerName").getValue(),
                terms.decode(new BsonDocumentReader(termsDocument), context),
                upstream,
                document.isDateTime("effectiveFrom")
                        ? Instant.ofEpochMilli(document.getDateTime("effectiveFrom").getValue()) : null,
                history);
    }

    @Override
    public Class<RouteSnapshot> getEncoderClass() {
        return RouteSnapshot.class;
    }
}
