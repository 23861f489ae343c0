package org.llmreference.catalog.models;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.llmreference.contracts.Slugs;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.Violations;
import org.springframework.stereotype.Component;

/**
 * Every rule a model must keep, checked at once on PUT, PATCH and import; fields are named by
 * their JSON path ({@code benchmarks[0].score}). "Today" comes from the injected clock.
 */
@Component
final class ModelRules {

    static final LocalDate EARLIEST_RELEASE = LocalDate.of(2015, 1, 1);
    /** No model's training data ends before this: an earlier cutoff is a typo ({@code 0000-01}). */
    static final LocalDate EARLIEST_CUTOFF = LocalDate.of(2000, 1, 1);
    static final long MAX_TOKENS = 100_000_000L;
    static final BigDecimal MAX_PARAMETERS_BILLIONS = new BigDecimal("100000");
    static final BigDecimal MAX_SCORE = new BigDecimal("100000");
    static final Set<String> MODALITIES = Set.of("text", "image", "audio", "video", "pdf");
    static final List<String> STATUSES = List.of("active", "deprecated", "retired");

    private static final Pattern CUTOFF = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?");

    private final Clock clock;

    static final int MAX_ALIASES = 100;

    ModelRules(Clock clock) {
        this.clock = clock;
    }

    /** Everything wrong with {@code input} as the model {@code pathId}; empty when it can be stored. */
    List<FieldViolation> check(String pathId, ModelInput input) {
        Violations v = new Violations();
        LocalDate today = LocalDate.now(clock);
        LocalDate aYearAhead = today.plusDays(365);

        boolean idIsSlug = v.slug("id", pathId, true);
        if (input.id() != null && idIsSlug) {
            v.check(!input.id().equals(pathId), "id", "matches-path", "must equal the id in the path ('" + pathId + "')");
        }
        v.text("name", input.name(), 200, true);
        v.text("vendor", input.vendor(), 100, false);
        v.text("family", input.family(), 100, false);
        v.text("architecture", input.architecture(), 100, false);
        v.text("license", input.license(), 100, false);
        v.date("releaseDate", input.releaseDate(), EARLIEST_RELEASE, aYearAhead);
        knowledgeCutoff(v, input.knowledgeCutoff(), aYearAhead);

        boolean contextOk = v.range("contextWindow", input.contextWindow(), 1, MAX_TOKENS);
        boolean outputOk = v.range("maxOutputTokens", input.maxOutputTokens(), 1, MAX_TOKENS);
        if (contextOk && outputOk && input.contextWindow() != null && input.maxOutputTokens() != null) {
            v.check(input.maxOutputTokens() > input.contextWindow(), "maxOutputTokens", "max-context-window",
                    "must not exceed contextWindow (" + input.contextWindow() + ")");
        }
        BigDecimal parameters = input.parametersBillions();
        if (parameters != null && v.check(parameters.signum() <= 0, "parametersBillions", "min", "must be greater than 0")) {
            v.decimal("parametersBillions", parameters, BigDecimal.ZERO, MAX_PARAMETERS_BILLIONS, 3);
        }
        if (input.modalities() != null) {
            modalities(v, "modalities.input", input.modalities().input());
            modalities(v, "modalities.output", input.modalities().output());
        }
        decisionTags(v, input.decisionTags());
        benchmarks(v, input.benchmarks());
        sources(v, input.sources(), today.plusDays(1));

        ModelStatus status = null;
        if (input.status() != null) {
            status = status(input.status());
            v.check(status == null, "status", "one-of", "must be one of " + STATUSES);
        }
        if (input.retiresOn() != null) {
            boolean statusAllows = status == ModelStatus.DEPRECATED || status == ModelStatus.RETIRED;
            v.check(!statusAllows && (status != null || input.status() == null), "retiresOn", "requires-deprecation",
                    "is only allowed when status is deprecated or retired");
            if (input.releaseDate() != null) {
                v.check(input.retiresOn().isBefore(input.releaseDate()), "retiresOn", "before-release",
                        "must not be before releaseDate (" + input.releaseDate() + ")");
            }
        }
        if (v.slug("successorId", input.successorId(), false) && input.successorId() != null) {
            v.check(input.successorId().equals(pathId), "successorId", "not-self", "must not be the model itself");
        }
        aliases(v, pathId, input.aliases());
        return v.list();
    }

    /** The status named {@code name} on the wire ({@code active}, ...), or {@code null}. */
    static ModelStatus status(String name) {
        int index = STATUSES.indexOf(name);
        return index < 0 ? null : ModelStatus.values()[index];
    }

    static String statusName(ModelStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static void aliases(Violations v, String pathId, List<String> aliases) {
        if (aliases == null) {
            return;
        }
        if (!v.check(aliases.size() > MAX_ALIASES, "aliases", "max-size", "must hold at most " + MAX_ALIASES + " ids")) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < aliases.size(); i++) {
            String field = "aliases[" + i + "]";
            String alias = aliases.get(i);
            if (v.slug(field, alias, true)) {
                v.check(alias.equals(pathId), field, "not-self", "must not be the model's own id");
                v.check(!seen.add(alias), field, "duplicate", "'" + alias + "' is listed twice");
            }
        }
    }

    private static void knowledgeCutoff(Violations v, String cutoff, LocalDate latest) {
        if (cutoff == null) {
            return;
        }
        var matcher = CUTOFF.matcher(cutoff);
        String format = "must be YYYY-MM or YYYY-MM-DD, a real date";
        if (!v.check(!matcher.matches(), "knowledgeCutoff", "format", format)) {
            return;
        }
        LocalDate first;
        try {
            YearMonth month = YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            first = matcher.group(3) == null ? month.atDay(1) : month.atDay(Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            v.add("knowledgeCutoff", "format", format);
            return;
        }
        if (v.check(first.isBefore(EARLIEST_CUTOFF), "knowledgeCutoff", "too-early",
                "must not be before " + YearMonth.from(EARLIEST_CUTOFF))) {
            v.check(first.isAfter(latest), "knowledgeCutoff", "too-far-in-future", "must not be after " + latest);
        }
    }

    private static void modalities(Violations v, String field, List<String> values) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String path = field + "[" + i + "]";
            if (v.required(path, value)
                    && v.check(!MODALITIES.contains(value), path, "one-of", "must be one of " + MODALITIES.stream().sorted().toList())) {
                v.check(!seen.add(value), path, "duplicate", "is listed twice");
            }
        }
    }

    private static void decisionTags(Violations v, List<String> tags) {
        if (tags == null) {
            return;
        }
        v.check(tags.size() > 20, "decisionTags", "max-items", "must have at most 20 items");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String path = "decisionTags[" + i + "]";
            if (v.text(path, tags.get(i), 40, true)) {
                v.check(!seen.add(tags.get(i).toLowerCase(Locale.ROOT)), path, "duplicate", "is listed twice");
            }
        }
    }

    private static void benchmarks(Violations v, List<ModelInput.BenchmarkInput> benchmarks) {
        if (benchmarks == null) {
            return;
        }
        v.check(benchmarks.size() > 100, "benchmarks", "max-items", "must have at most 100 items");
        for (int i = 0; i < benchmarks.size(); i++) {
            String path = "benchmarks[" + i + "]";
            ModelInput.BenchmarkInput benchmark = benchmarks.get(i);
            if (!v.required(path, benchmark)) {
                continue;
            }
            v.text(path + ".name", benchmark.name(), 100, true);
            if (v.required(path + ".score", benchmark.score())) {
                v.decimal(path + ".score", benchmark.score(), BigDecimal.ZERO, MAX_SCORE, 6);
            }
            v.text(path + ".unit", benchmark.unit(), 20, false);
            v.text(path + ".source", benchmark.source(), 200, false);
        }
    }

    private static void sources(Violations v, List<ModelInput.SourceInput> sources, LocalDate latestReview) {
        if (sources == null) {
            return;
        }
        v.check(sources.size() > 20, "sources", "max-items", "must have at most 20 items");
        for (int i = 0; i < sources.size(); i++) {
            String path = "sources[" + i + "]";
            ModelInput.SourceInput source = sources.get(i);
            if (!v.required(path, source)) {
                continue;
            }
            v.text(path + ".title", source.title(), 200, true);
            v.httpUrl(path + ".url", source.url(), false);
            v.date(path + ".reviewedAt", source.reviewedAt(), LocalDate.MIN, latestReview);
        }
    }
}
