package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.RouteStatus;

/**
 * Readable fixtures for one side of a comparison:
 * {@code aModel("x").withContextWindow(262_144).exposing(VISION).withRoute(aRoute("openrouter").priced("0.03", "0.14")).side()}.
 * Everything not said is unknown, as in the catalog: a bare {@code aModel("x")} has a name equal to its id and nothing else.
 */
final class Sides {

    private Sides() {
    }

    static ModelBuilder aModel(String id) {
        return new ModelBuilder(id);
    }

    static RouteBuilder aRoute(String providerId) {
        return new RouteBuilder(providerId);
    }

    static final class ModelBuilder {

        private final String id;
        private String name;
        private String vendor;
        private LocalDate releaseDate;
        private String knowledgeCutoff;
        private Integer contextWindow;
        private BigDecimal parametersBillions;
        private String architecture;
        private String license;
        private Boolean openWeights;
        private Capabilities capabilities = Capabilities.unknown();
        private final List<String> decisionTags = new ArrayList<>();
        private final List<Benchmark> benchmarks = new ArrayList<>();
        private final List<SourceRef> sources = new ArrayList<>();
        private final List<RouteSnapshot> routes = new ArrayList<>();

        private ModelBuilder(String id) {
            this.id = id;
            this.name = id;
        }

        ModelBuilder named(String name) {
            this.name = name;
            return this;
        }

        ModelBuilder fromVendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        ModelBuilder releasedOn(String isoDate) {
            this.releaseDate = LocalDate.parse(isoDate);
            return this;
        }

        ModelBuilder withKnowledgeCutoff(String cutoff) {
            this.knowledgeCutoff = cutoff;
            return this;
        }

        ModelBuilder withContextWindow(Integer tokens) {
            this.contextWindow = tokens;
            return this;
        }

        ModelBuilder withParameters(String billions) {
            this.parametersBillions = new BigDecimal(billions);
            return this;
        }

        ModelBuilder withArchitecture(String architecture) {
            this.architecture = architecture;
            return this;
        }

        ModelBuilder withLicense(String license) {
            this.license = license;
            return this;
        }

        ModelBuilder withOpenWeights(Boolean openWeights) {
            this.openWeights = openWeights;
            return this;
        }

        ModelBuilder withCapabilities(Capabilities capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        /** Says yes to the given capabilities and no to all others. */
        ModelBuilder exposing(Capability... exposed) {
            List<Capability> yes = Arrays.asList(exposed);
            Boolean[] values = new Boolean[Capability.values().length];
            for (Capability capability : Capability.values()) {
                values[capability.ordinal()] = yes.contains(capability);
            }
            this.capabilities = new Capabilities(values[0], values[1], values[2], values[3], values[4], values[5],
                    values[6], values[7], values[8], values[9]);
            return this;
        }

        ModelBuilder withDecisionTags(String... tags) {
            decisionTags.addAll(Arrays.asList(tags));
            return this;
        }

        ModelBuilder withBenchmark(String name, String score, String unit, Boolean verified) {
            benchmarks.add(new Benchmark(name, new BigDecimal(score), unit, null, verified));
            return this;
        }

        ModelBuilder withSource(String title, String url, String reviewedAt) {
            sources.add(new SourceRef(title, url, reviewedAt == null ? null : LocalDate.parse(reviewedAt)));
            return this;
        }

        ModelBuilder withRoute(RouteBuilder route) {
            return withRoute(route.route());
        }

        ModelBuilder withRoute(RouteSnapshot route) {
            routes.add(route);
            return this;
        }

        ModelSnapshot model() {
            return new ModelSnapshot(id, name, vendor, null, releaseDate, knowledgeCutoff, contextWindow, null,
                    parametersBillions, architecture, license, openWeights, new Modalities(List.of("text"), List.of("text")),
                    capabilities, decisionTags, benchmarks, sources, ModelStatus.ACTIVE, null, null);
        }

        Side side() {
            return new Side(model(), routes);
        }
    }

    static final class RouteBuilder {

        private final String providerId;
        private String providerName;
        private BigDecimal input;
        private BigDecimal output;
        private BigDecimal cachedInput;
        private BigDecimal batchInput;
        private BigDecimal batchOutput;
        private final List<ContextTier> tiers = new ArrayList<>();
        private RouteStatus status = RouteStatus.ACTIVE;
        private String sourceUrl;
        private LocalDate verifiedAt;

        private RouteBuilder(String providerId) {
            this.providerId = providerId;
            this.providerName = providerId;
        }

        RouteBuilder named(String providerName) {
            this.providerName = providerName;
            return this;
        }

        /** Input and output prices in USD per 1M tokens; {@code null} for a price not published. */
        RouteBuilder priced(String input, String output) {
            this.input = decimal(input);
            this.output = decimal(output);
            return this;
        }

        RouteBuilder withCachedInput(String price) {
            this.cachedInput = decimal(price);
            return this;
        }

        RouteBuilder withBatch(String input, String output) {
            this.batchInput = decimal(input);
            this.batchOutput = decimal(output);
            return this;
        }

        RouteBuilder withTier(long aboveTokens, String input, String output) {
            tiers.add(new ContextTier(aboveTokens, decimal(input), decimal(output)));
            return this;
        }

        RouteBuilder deprecated() {
            this.status = RouteStatus.DEPRECATED;
            return this;
        }

        RouteBuilder sourcedAt(String url, String verifiedAt) {
            this.sourceUrl = url;
            this.verifiedAt = verifiedAt == null ? null : LocalDate.parse(verifiedAt);
            return this;
        }

        RouteSnapshot route() {
            return new RouteSnapshot(providerId, providerName, new RouteTerms(input, output, cachedInput, null, batchInput,
                    batchOutput, tiers, null, null, status, sourceUrl, verifiedAt), null);
        }

        private static BigDecimal decimal(String text) {
            return text == null ? null : new BigDecimal(text);
        }
    }
}
