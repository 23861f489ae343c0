package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.pricing.RouteSnapshot;

/** The four reference tables: Specs, Pricing and availability, Capabilities, Benchmarks. */
final class Tables {

    static final String NO_SHARED_BENCHMARKS = "No shared benchmark rows are currently sourced for this pair.";
    static final String NO_SPECS = "No specification is sourced for either model yet.";
    static final String NO_PRICING = "No price or provider is sourced for either model yet.";
    static final String NO_CAPABILITIES = "No capability is sourced for either model yet.";

    private Tables() {
    }

    static FactTable specs(ModelSnapshot a, ModelSnapshot b) {
        List<FactRow> rows = known(List.of(
                catalogRow("Released", a, b, m -> m.releaseDate() == null ? null : m.releaseDate().toString()),
                new FactRow("Context window", contextWindow(a), contextWindow(b)),
                catalogRow("Parameters", a, b, m -> m.parametersBillions() == null || m.parametersBillions().signum() <= 0
                        ? null : Formats.parameters(m.parametersBillions())),
                catalogRow("Architecture", a, b, m -> Models.blankToNull(m.architecture())),
                catalogRow("License", a, b, Licenses::label),
                catalogRow("Knowledge cutoff", a, b, m -> Models.blankToNull(m.knowledgeCutoff()))));
        return new FactTable("Specs", "Specification", rows, NO_SPECS);
    }

    static FactTable pricing(Side a, Side b) {
        List<FactRow> rows = known(List.of(
                new FactRow("Input price", cheapestInput(a), cheapestInput(b)),
                new FactRow("Output price", cheapestOutput(a), cheapestOutput(b)),
                new FactRow("Providers", providers(a), providers(b))));
        return new FactTable("Pricing and availability", "Pricing attribute", rows, NO_PRICING);
    }

    static FactTable capabilities(ModelSnapshot a, ModelSnapshot b) {
        List<FactRow> rows = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            rows.add(new FactRow(capability.label, yesNo(a, capability), yesNo(b, capability)));
        }
        return new FactTable("Capabilities", "Capability", known(rows), NO_CAPABILITIES);
    }

    static FactTable benchmarks(ModelSnapshot a, ModelSnapshot b, SharedBenchmarks shared) {
        List<FactRow> rows = new ArrayList<>();
        for (SharedBenchmarks.Row row : shared.rows()) {
            rows.add(new FactRow(row.label(), Facts.fromModel(a, result(row.a())), Facts.fromModel(b, result(row.b()))));
        }
        return new FactTable("Benchmarks", "Benchmark", rows, NO_SHARED_BENCHMARKS);
    }

    /** The rows that say something for at least one model: a row of "-" on both sides tells the reader nothing. */
    static List<FactRow> known(List<FactRow> rows) {
        return rows.stream().filter(row -> !isUnknown(row.a()) || !isUnknown(row.b())).toList();
    }

    private static boolean isUnknown(Fact fact) {
        return fact == null || Fact.unknown().text().equals(fact.text());
    }

    /** "131k", traced to the model's source; "-" when not sourced. */
    static Fact contextWindow(ModelSnapshot model) {
        Integer tokens = Models.contextWindow(model);
        return Facts.fromModel(model, tokens == null ? null : Formats.tokens(tokens));
    }

    /** "85.2%", "1320 Elo", with " (claimed)" when the lab reported it and nobody measured it independently. */
    static String result(Benchmark result) {
        String unit = Models.blankToNull(result.unit());
        String score = Formats.plain(result.score());
        String text = unit == null ? score : unit.equals("%") ? score + "%" : score + " " + unit;
        return Boolean.FALSE.equals(result.verified()) ? text + " (claimed)" : text;
    }

    private static FactRow catalogRow(String label, ModelSnapshot a, ModelSnapshot b, Function<ModelSnapshot, String> text) {
        return new FactRow(label, Facts.fromModel(a, text.apply(a)), Facts.fromModel(b, text.apply(b)));
    }

    private static Fact yesNo(ModelSnapshot model, Capability capability) {
        Boolean exposed = capability.of(model);
        return Facts.fromModel(model, exposed == null ? null : exposed ? "Yes" : "No");
    }

    private static Fact cheapestInput(Side side) {
        RouteSnapshot route = PriceList.of(side).cheapestInput();
        return route == null ? Fact.unknown() : Facts.fromRoute(route, Formats.pricePerMTok(route.terms().inputPricePerMTok()));
    }

    static Fact cheapestOutput(Side side) {
        RouteSnapshot route = PriceList.of(side).cheapestOutput();
        return route == null ? Fact.unknown() : Facts.fromRoute(route, Formats.pricePerMTok(route.terms().outputPricePerMTok()));
    }

    private static Fact providers(Side side) {
        List<String> names = PriceList.of(side).providerNames();
        return Facts.derived(names.isEmpty() ? null : Texts.list(names));
    }
}
