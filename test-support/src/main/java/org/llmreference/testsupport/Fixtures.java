package org.llmreference.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
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
 * Models and routes for tests, saying only what a test is about:
 * {@code aModel("gpt-oss-20b").withContextWindow(262_144).build()},
 * {@code aRoute("openrouter").named("OpenRouter").priced("0.03", "0.14").build()}, or a changed copy,
 * {@code aModelLike(model).withStatus(RETIRED).build()}. Everything not said is unknown, as in the
 * catalog: a bare {@code aModel("x")} has a name equal to its id and nothing else; a bare
 * {@code aRoute("p")} is an active route of provider {@code p} (named {@code p}) without prices.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static ModelBuilder aModel(String id) {
        return new ModelBuilder(id);
    }

    /** A copy of {@code model} to change. */
    public static ModelBuilder aModelLike(ModelSnapshot model) {
        return new ModelBuilder(model);
    }

    public static RouteBuilder aRoute(String providerId) {
        return new RouteBuilder(providerId);
    }

    /** A copy of {@code route} to change. */
    public static RouteBuilder aRouteLike(RouteSnapshot route) {
        return new RouteBuilder(route);
    }

    /** Builds a {@link ModelSnapshot}. */
    public static final class ModelBuilder {

        private String id;
        private String name;
        private String vendor;
        private String family;
        private LocalDate releaseDate;
        private String knowledgeCutoff;
        private Integer contextWindow;
        private Integer maxOutputTokens;
        private BigDecimal parametersBillions;
        private String architecture;
        private String license;
        private Boolean openWeights;
        private Modalities modalities;
        private Capabilities capabilities;
        private List<String> decisionTags = new ArrayList<>();
        private List<Benchmark> benchmarks = new ArrayList<>();
        private List<SourceRef> sources = new ArrayList<>();
        private ModelStatus status = ModelStatus.ACTIVE;
        private LocalDate retiresOn;
        private String successorId;

        private ModelBuilder(String id) {
            this.id = id;
            this.name = id;
        }

        private ModelBuilder(ModelSnapshot model) {
            this.id = model.id();
            this.name = model.name();
            this.vendor = model.vendor();
            this.family = model.family();
            this.releaseDate = model.releaseDate();
            this.knowledgeCutoff = model.knowledgeCutoff();
            this.contextWindow = model.contextWindow();
            this.maxOutputTokens = model.maxOutputTokens();
            this.parametersBillions = model.parametersBillions();
            this.architecture = model.architecture();
            this.license = model.license();
            this.openWeights = model.openWeights();
            this.modalities = model.modalities();
            this.capabilities = model.capabilities();
            this.decisionTags = new ArrayList<>(model.decisionTags());
            this.benchmarks = new ArrayList<>(model.benchmarks());
            this.sources = new ArrayList<>(model.sources());
            this.status = model.status();
            this.retiresOn = model.retiresOn();
            this.successorId = model.successorId();
        }

        public ModelBuilder withId(String id) {
            this.id = id;
            return this;
        }

        public ModelBuilder named(String name) {
            this.name = name;
            return this;
        }

        public ModelBuilder fromVendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        public ModelBuilder ofFamily(String family) {
            this.family = family;
            return this;
        }

        /** {@code isoDate} as {@code 2025-08-05}, or {@code null} for unknown. */
        public ModelBuilder releasedOn(String isoDate) {
            return releasedOn(isoDate == null ? null : LocalDate.parse(isoDate));
        }

        public ModelBuilder releasedOn(LocalDate date) {
            this.releaseDate = date;
            return this;
        }

        public ModelBuilder withKnowledgeCutoff(String cutoff) {
            this.knowledgeCutoff = cutoff;
            return this;
        }

        public ModelBuilder withContextWindow(Integer tokens) {
            this.contextWindow = tokens;
            return this;
        }

        public ModelBuilder withMaxOutputTokens(Integer tokens) {
            this.maxOutputTokens = tokens;
            return this;
        }

        /** Billions of parameters, e.g. {@code "20.5"}, or {@code null} for unknown. */
        public ModelBuilder withParameters(String billions) {
            return withParameters(billions == null ? null : new BigDecimal(billions));
        }

        public ModelBuilder withParameters(BigDecimal billions) {
            this.parametersBillions = billions;
            return this;
        }

        public ModelBuilder withArchitecture(String architecture) {
            this.architecture = architecture;
            return this;
        }

        public ModelBuilder withLicense(String license) {
            this.license = license;
            return this;
        }

        public ModelBuilder withOpenWeights(Boolean openWeights) {
            this.openWeights = openWeights;
            return this;
        }

        /** Text in, text out. */
        public ModelBuilder textOnly() {
            return withModalities(new Modalities(List.of("text"), List.of("text")));
        }

        public ModelBuilder withModalities(Modalities modalities) {
            this.modalities = modalities;
            return this;
        }

        public ModelBuilder withCapabilities(Capabilities capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        /** The model's decision tags, in place of any it had. */
        public ModelBuilder withDecisionTags(String... tags) {
            return withDecisionTags(Arrays.asList(tags));
        }

        public ModelBuilder withDecisionTags(List<String> tags) {
            this.decisionTags = new ArrayList<>(tags);
            return this;
        }

        /** One more benchmark result. */
        public ModelBuilder withBenchmark(String name, String score, String unit, Boolean verified) {
            benchmarks.add(new Benchmark(name, new BigDecimal(score), unit, null, verified));
            return this;
        }

        /** The model's benchmark results, in place of any it had. */
        public ModelBuilder withBenchmarks(List<Benchmark> benchmarks) {
            this.benchmarks = new ArrayList<>(benchmarks);
            return this;
        }

        /** One more source; {@code reviewedAt} as {@code 2026-05-22}, or {@code null}. */
        public ModelBuilder withSource(String title, String url, String reviewedAt) {
            sources.add(new SourceRef(title, url, reviewedAt == null ? null : LocalDate.parse(reviewedAt)));
            return this;
        }

        /** The model's sources, in place of any it had. */
        public ModelBuilder withSources(List<SourceRef> sources) {
            this.sources = new ArrayList<>(sources);
            return this;
        }

        public ModelBuilder withStatus(ModelStatus status) {
            this.status = status;
            return this;
        }

        /** Retired, or due to be: {@code retiresOn} and the model replacing it may be {@code null}. */
        public ModelBuilder retired(LocalDate retiresOn, String successorId) {
            this.status = ModelStatus.RETIRED;
            this.retiresOn = retiresOn;
            this.successorId = successorId;
            return this;
        }

        public ModelSnapshot build() {
            return new ModelSnapshot(id, name, vendor, family, releaseDate, knowledgeCutoff, contextWindow,
                    maxOutputTokens, parametersBillions, architecture, license, openWeights, modalities, capabilities,
                    decisionTags, benchmarks, sources, status, retiresOn, successorId);
        }
    }

    /** Builds a {@link RouteSnapshot}: the price terms tests set by hand, nothing more. */
    public static final class RouteBuilder {

        private final String providerId;
        private String providerName;
        private BigDecimal input;
        private BigDecimal output;
        private BigDecimal cachedInput;
        private BigDecimal cacheWrite;
        private BigDecimal batchInput;
        private BigDecimal batchOutput;
        private List<ContextTier> tiers = new ArrayList<>();
        private Integer contextWindow;
        private RouteStatus status = RouteStatus.ACTIVE;
        private String region;
        private String sourceUrl;
        private LocalDate verifiedAt;
        private Instant effectiveFrom;

        private RouteBuilder(String providerId) {
            this.providerId = providerId;
            this.providerName = providerId;
        }

        private RouteBuilder(RouteSnapshot route) {
            this.providerId = route.providerId();
            this.providerName = route.providerName();
            this.input = route.terms().inputPricePerMTok();
            this.output = route.terms().outputPricePerMTok();
            this.cachedInput = route.terms().cachedInputPricePerMTok();
            this.cacheWrite = route.terms().cacheWritePricePerMTok();
            this.batchInput = route.terms().batchInputPricePerMTok();
            this.batchOutput = route.terms().batchOutputPricePerMTok();
            this.tiers = new ArrayList<>(route.terms().contextTiers());
            this.contextWindow = route.terms().contextWindow();
            this.region = route.terms().region();
            this.status = route.terms().status();
            this.sourceUrl = route.terms().sourceUrl();
            this.verifiedAt = route.terms().verifiedAt();
            this.effectiveFrom = route.effectiveFrom();
        }

        public RouteBuilder named(String providerName) {
            this.providerName = providerName;
            return this;
        }

        /** Input and output prices in USD per 1M tokens, e.g. {@code "0.03"}; {@code null} for a price not published. */
        public RouteBuilder priced(String input, String output) {
            return pricedExactly(decimal(input), decimal(output));
        }

        public RouteBuilder pricedExactly(BigDecimal input, BigDecimal output) {
            this.input = input;
            this.output = output;
            return this;
        }

        public RouteBuilder withCachedInput(String price) {
            this.cachedInput = decimal(price);
            return this;
        }

        public RouteBuilder withBatch(String input, String output) {
            this.batchInput = decimal(input);
            this.batchOutput = decimal(output);
            return this;
        }

        /** One more context tier: these prices apply above {@code aboveTokens}. */
        public RouteBuilder withTier(long aboveTokens, String input, String output) {
            tiers.add(new ContextTier(aboveTokens, decimal(input), decimal(output)));
            return this;
        }

        /** No context tiers, and neither cache nor batch prices. */
        public RouteBuilder withTokenPricesOnly() {
            this.cachedInput = null;
            this.cacheWrite = null;
            this.batchInput = null;
            this.batchOutput = null;
            this.tiers = new ArrayList<>();
            return this;
        }

        public RouteBuilder withContextWindow(Integer tokens) {
            this.contextWindow = tokens;
            return this;
        }

        public RouteBuilder deprecated() {
            this.status = RouteStatus.DEPRECATED;
            return this;
        }

        /** Where the price was read, and on which day ({@code 2026-05-22}, or {@code null}). */
        public RouteBuilder sourcedAt(String url, String verifiedAt) {
            this.sourceUrl = url;
            this.verifiedAt = verifiedAt == null ? null : LocalDate.parse(verifiedAt);
            return this;
        }

        public RouteSnapshot build() {
            return new RouteSnapshot(providerId, providerName, new RouteTerms(input, output, cachedInput, cacheWrite,
                    batchInput, batchOutput, tiers, contextWindow, region, status, sourceUrl, verifiedAt), effectiveFrom);
        }

        private static BigDecimal decimal(String text) {
            return text == null ? null : new BigDecimal(text);
        }
    }
}
