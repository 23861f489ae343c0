package org.llmreference.comparison.engine;

import static org.llmreference.testsupport.Fixtures.aModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.RouteStatus;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of random but valid catalog data, for property tests of anything that
 * reads models and price lists.
 *
 * <ul>
 * <li>Model ids are slugs of one or two parts made of {@code a b c 1 2} joined by {@code -} or
 * {@code .} ({@code a}, {@code b2}, {@code a-c}, {@code c1.b}): few enough that two generated
 * models often share an id or a vendor, a provider or a benchmark.
 * <li>Every nullable field is often {@code null}; capabilities are {@code true}, {@code false} or
 * unknown one by one; prices are non-negative decimals of up to 4 places.
 * <li>Generation only draws from the {@link RandomnessSource}, so failures shrink and replay.
 * </ul>
 */
public final class RandomCatalogs {

    /** Provider ids and display names routes are drawn from. */
    public static final List<List<String>> PROVIDERS = List.of(
            List.of("openrouter", "OpenRouter"),
            List.of("groq", "Groq"),
            List.of("deepinfra", "DeepInfra"),
            List.of("togetherai", "Together AI"),
            List.of("fireworks-ai", "Fireworks AI"),
            List.of("amazon-bedrock", "Amazon Bedrock"),
            List.of("google-vertex", "GCP Vertex AI"),
            List.of("nvidia", "NVIDIA NIM"));

    public static final List<String> BENCHMARK_NAMES = List.of("MMLU", "GPQA", "SWE-bench Verified", "HumanEval", "Arena Elo");

    private static final List<String> ID_CHARACTERS = List.of("a", "b", "c", "1", "2");
    private static final List<String> VENDORS = List.of("OpenAI", "Alibaba", "Anthropic", "Mistral AI");
    private static final List<String> FAMILIES = List.of("gpt-oss", "qwen3.5", "claude", "mistral");
    private static final List<String> LICENSES = List.of("Apache 2.0", "MIT", "Llama 3.3 Community License",
            "Proprietary", "CC-BY-4.0", "Limited research license");
    private static final List<String> TAGS = List.of("RAG", "Agents", "Long context", "Vision", "Coding", "Reasoning");
    private static final List<Integer> CONTEXT_WINDOWS = List.of(4_096, 8_192, 32_768, 128_000, 131_072, 200_000,
            262_144, 1_000_000, 1_048_576, 2_000_000);
    private static final List<String> PARAMETERS = List.of("0.5", "4", "8", "20", "70", "405", "685", "1000", "1500");
    private static final List<String> UNITS = List.of("%", "Elo", "");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(2022, 1, 1);

    private RandomCatalogs() {
    }

    /** Models as the catalog could hold them: any field may be unknown except id, name and status. */
    public static Gen<ModelSnapshot> models() {
        return in -> {
            String id = slug(in);
            String name = pick(in, List.of(id, id.toUpperCase(), "Model " + id));
            return aModel(id).named(name)
                    .fromVendor(orNull(in, 25, Generate.pick(VENDORS)))
                    .ofFamily(orNull(in, 40, Generate.pick(FAMILIES)))
                    .releasedOn(orNull(in, 30, dates()))
                    .withKnowledgeCutoff(orNull(in, 60, Generate.constant("2024-06")))
                    .withContextWindow(orNull(in, 20, Generate.oneOf(Generate.pick(CONTEXT_WINDOWS), Generate.range(1_000, 2_000_000))))
                    .withMaxOutputTokens(orNull(in, 50, Generate.pick(List.of(8_192, 32_768, 131_072))))
                    .withParameters(orNull(in, 40, Generate.pick(PARAMETERS).map((String billions) -> new BigDecimal(billions))))
                    .withArchitecture(orNull(in, 50, Generate.pick(List.of("decoder only", "mixture of experts"))))
                    .withLicense(orNull(in, 50, Generate.pick(LICENSES)))
                    .withOpenWeights(orNull(in, 30, Generate.booleans()))
                    .textOnly()
                    .withCapabilities(capabilities(in))
                    .withDecisionTags(subset(in, TAGS, 3))
                    .withBenchmarks(benchmarks(in))
                    .withSources(sources(in, id))
                    .withStatus(pick(in, List.of(ModelStatus.ACTIVE, ModelStatus.ACTIVE, ModelStatus.DEPRECATED)))
                    .build();
        };
    }

    /** A price list of 0 to 6 routes from distinct providers, some deprecated, some with tiers, cache or batch prices. */
    public static Gen<List<RouteSnapshot>> routes() {
        return in -> {
            List<RouteSnapshot> routes = new ArrayList<>();
            for (List<String> provider : subset(in, PROVIDERS, 6)) {
                routes.add(route(in, provider.get(0), provider.get(1)));
            }
            return routes;
        };
    }

    /** A random model with a random price list. */
    public static Gen<Side> sides() {
        return models().zip(routes(), Side::new);
    }

    /** Non-negative prices in USD per 1M tokens with 0 to 4 decimal places, up to $30. */
    public static Gen<BigDecimal> prices() {
        return in -> {
            int scale = Generate.range(0, 4).generate(in);
            long cents = Generate.longRange(0, 30L * (long) Math.pow(10, scale)).generate(in);
            return BigDecimal.valueOf(cents, scale);
        };
    }

    private static RouteSnapshot route(RandomnessSource in, String providerId, String providerName) {
        List<ContextTier> tiers = new ArrayList<>();
        if (percent(in) <= 20) {
            tiers.add(new ContextTier(pick(in, List.of(128_000L, 200_000L)), orNull(in, 20, prices()), orNull(in, 20, prices())));
        }
        return new RouteSnapshot(providerId, providerName, new RouteTerms(
                orNull(in, 15, prices()),
                orNull(in, 15, prices()),
                orNull(in, 70, prices()),
                orNull(in, 90, prices()),
                orNull(in, 75, prices()),
                orNull(in, 75, prices()),
                tiers,
                orNull(in, 50, Generate.pick(CONTEXT_WINDOWS)),
                null,
                percent(in) <= 15 ? RouteStatus.DEPRECATED : RouteStatus.ACTIVE,
                orNull(in, 20, Generate.constant("https://" + providerId + ".example/pricing")),
                orNull(in, 20, dates())),
                null);
    }

    private static Capabilities capabilities(RandomnessSource in) {
        Gen<Boolean> value = Generate.pick(Arrays.asList(Boolean.TRUE, Boolean.FALSE, null));
        if (percent(in) <= 15) {
            return Capabilities.unknown();
        }
        return new Capabilities(value.generate(in), value.generate(in), value.generate(in), value.generate(in),
                value.generate(in), value.generate(in), value.generate(in), value.generate(in), value.generate(in),
                value.generate(in));
    }

    private static List<Benchmark> benchmarks(RandomnessSource in) {
        List<Benchmark> results = new ArrayList<>();
        for (String name : subset(in, BENCHMARK_NAMES, 3)) {
            BigDecimal score = BigDecimal.valueOf(Generate.range(0, 1000).generate(in), 1);
            Boolean verified = pick(in, Arrays.asList(Boolean.TRUE, Boolean.FALSE, null));
            results.add(new Benchmark(name, score, pick(in, UNITS), null, verified));
        }
        return results;
    }

    private static List<SourceRef> sources(RandomnessSource in, String id) {
        List<SourceRef> sources = new ArrayList<>();
        int count = Generate.range(0, 2).generate(in);
        for (int i = 0; i < count; i++) {
            String url = orNull(in, 20, Generate.pick(List.of("https://example.org/" + id, "https://example.org/shared")));
            sources.add(new SourceRef("Model card " + i, url, orNull(in, 20, dates())));
        }
        return sources;
    }

    private static String slug(RandomnessSource in) {
        String first = part(in);
        return percent(in) <= 50 ? first : first + pick(in, List.of("-", ".")) + part(in);
    }

    private static String part(RandomnessSource in) {
        String first = pick(in, ID_CHARACTERS);
        return percent(in) <= 50 ? first : first + pick(in, ID_CHARACTERS);
    }

    private static Gen<LocalDate> dates() {
        return Generate.range(0, 1_600).map(days -> EARLIEST_DATE.plusDays(days));
    }

    /** Up to {@code max} distinct items of {@code items}, in their order. */
    private static <T> List<T> subset(RandomnessSource in, List<T> items, int max) {
        List<T> chosen = new ArrayList<>();
        for (T item : items) {
            if (chosen.size() < max && percent(in) <= 40) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    private static <T> T pick(RandomnessSource in, List<T> items) {
        return Generate.pick(items).generate(in);
    }

    private static <T> T orNull(RandomnessSource in, int percentNull, Gen<T> gen) {
        return percent(in) <= percentNull ? null : gen.generate(in);
    }

    private static int percent(RandomnessSource in) {
        return Generate.range(1, 100).generate(in);
    }
}
