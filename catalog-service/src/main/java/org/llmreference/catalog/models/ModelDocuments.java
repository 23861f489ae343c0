package org.llmreference.catalog.models;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.SourceRef;

/**
 * The {@code model} sub-document of a stored model: Model JSON field names, absent values left out,
 * decimals as {@code Decimal128} (never binary floating point), dates as ISO strings.
 */
final class ModelDocuments {

    /** The field of a model's aliases (absent when it has none); {@code model.aliases} is indexed. */
    static final String ALIASES = "aliases";

    private ModelDocuments() {
    }

    static Document toDocument(ModelSnapshot m) {
        Document d = new Document();
        put(d, "id", m.id());
        put(d, "name", m.name());
        put(d, "vendor", m.vendor());
        put(d, "family", m.family());
        put(d, "releaseDate", date(m.releaseDate()));
        put(d, "knowledgeCutoff", m.knowledgeCutoff());
        put(d, "contextWindow", m.contextWindow());
        put(d, "maxOutputTokens", m.maxOutputTokens());
        put(d, "parametersBillions", decimal(m.parametersBillions()));
        put(d, "architecture", m.architecture());
        put(d, "license", m.license());
        put(d, "openWeights", m.openWeights());
        d.put("modalities", new Document("input", m.modalities().input()).append("output", m.modalities().output()));
        Capabilities c = m.capabilities();
        Document capabilities = new Document();
        put(capabilities, "vision", c.vision());
        put(capabilities, "multimodal", c.multimodal());
        put(capabilities, "reasoning", c.reasoning());
        put(capabilities, "functionCalling", c.functionCalling());
        put(capabilities, "toolUse", c.toolUse());
        put(capabilities, "structuredOutputs", c.structuredOutputs());
        put(capabilities, "codeExecution", c.codeExecution());
        put(capabilities, "ideIntegration", c.ideIntegration());
        put(capabilities, "computerUse", c.computerUse());
        put(capabilities, "parallelAgents", c.parallelAgents());
        d.put("capabilities", capabilities);
        d.put("decisionTags", m.decisionTags());
        d.put("benchmarks", m.benchmarks().stream().map(b -> {
            Document benchmark = new Document("name", b.name()).append("score", decimal(b.score()));
            put(benchmark, "unit", b.unit());
            put(benchmark, "source", b.source());
            put(benchmark, "verified", b.verified());
            return benchmark;
        }).toList());
        d.put("sources", m.sources().stream().map(s -> {
            Document source = new Document("title", s.title());
            put(source, "url", s.url());
            put(source, "reviewedAt", date(s.reviewedAt()));
            return source;
        }).toList());
        put(d, "status", ModelRules.statusName(m.status()));
        put(d, "retiresOn", date(m.retiresOn()));
        put(d, "successorId", m.successorId());
        if (!m.aliases().isEmpty()) {
            d.put(ALIASES, m.aliases());
        }
        return d;
    }

    static ModelSnapshot fromDocument(Document d) {
        Document modalities = d.get("modalities", new Document());
        Document c = d.get("capabilities", new Document());
        return new ModelSnapshot(d.getString("id"), d.getString("name"), d.getString("vendor"), d.getString("family"),
                date(d.getString("releaseDate")), d.getString("knowledgeCutoff"), d.getInteger("contextWindow"),
                d.getInteger("maxOutputTokens"), decimal(d.get("parametersBillions")), d.getString("architecture"),
                d.getString("license"), d.getBoolean("openWeights"),
                new Modalities(modalities.getList("input", String.class), modalities.getList("output", String.class)),
                new Capabilities(c.getBoolean("vision"), c.getBoolean("multimodal"), c.getBoolean("reasoning"),
                        c.getBoolean("functionCalling"), c.getBoolean("toolUse"), c.getBoolean("structuredOutputs"),
                        c.getBoolean("codeExecution"), c.getBoolean("ideIntegration"), c.getBoolean("computerUse"),
                        c.getBoolean("parallelAgents")),
                d.getList("decisionTags", String.class),
                d.getList("benchmarks", Document.class, List.of()).stream()
                        .map(b -> new Benchmark(b.getString("name"), decimal(b.get("score")), b.getString("unit"),
                                b.getString("source"), b.getBoolean("verified")))
                        .toList(),
                d.getList("sources", Document.class, List.of()).stream()
                        .map(s -> new SourceRef(s.getString("title"), s.getString("url"), date(s.getString("reviewedAt"))))
                        .toList(),
                ModelRules.status(d.getString("status")), date(d.getString("retiresOn")), d.getString("successorId"),
                d.getList(ALIASES, String.class));
    }

    private static void put(Document document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        throw new IllegalStateException("expected a Decimal128 in a stored model, found " + value.getClass().getSimpleName());
    }
}
