package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.Capabilities;

class ModelRulesTest {

    private final ModelRules rules = new ModelRules(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsAModelWithOnlyAName() {
        assertThat(rules.check("m", input("m", null, null, null, null, null))).isEmpty();
    }

    @Test
    void aliasesAreDistinctSlugsOtherThanTheModelsOwnId() {
        ModelInput good = withAliases(List.of("m-twin", "vendor-m"));
        assertThat(rules.check("m", good)).isEmpty();
        assertThat(rules("m", withAliases(List.of("m", "Not A Slug", "twin", "twin"))))
                .containsExactly("aliases[0] not-self", "aliases[1] slug", "aliases[3] duplicate");
    }

    private static ModelInput withAliases(List<String> aliases) {
        return new ModelInput("m", "name", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, aliases);
    }

    @Test
    void datesAreJudgedByTheInjectedClock() {
        assertThat(rules.check("m", input("m", LocalDate.parse("2027-03-01"), null, null, null, null))).isEmpty();
        assertThat(rules("m", input("m", LocalDate.parse("2027-03-02"), null, null, null, null)))
                .containsExactly("releaseDate too-far-in-future");
        assertThat(rules("m", input("m", null, "2027-04", null, null, null))).containsExactly("knowledgeCutoff too-far-in-future");
    }

    @Test
    void aKnowledgeCutoffMustBeARealDate() {
        assertThat(rules.check("m", input("m", null, "2025-02-28", null, null, null))).isEmpty();
        assertThat(rules("m", input("m", null, "2025-02-30", null, null, null))).containsExactly("knowledgeCutoff format");
        assertThat(rules("m", input("m", null, "25-02", null, null, null))).containsExactly("knowledgeCutoff format");
    }

    @Test
    void aKnowledgeCutoffBeforeTheYear2000IsRefused() {
        assertThat(rules.check("m", input("m", null, "2000-01", null, null, null))).isEmpty();
        assertThat(rules("m", input("m", null, "1999-12-31", null, null, null))).containsExactly("knowledgeCutoff too-early");
        assertThat(rules("m", input("m", null, "0000-01", null, null, null))).containsExactly("knowledgeCutoff too-early");
    }

    @Test
    void collectsEveryViolationAtOnce() {
        assertThat(rules("Bad Id", input("other", null, null, 0L, "gone", "Bad Id")))
                .containsExactly("id slug", "contextWindow min", "status one-of", "successorId slug");
    }

    @Test
    void retiresOnIsForDeprecatedOrRetiredModelsAndNotBeforeTheRelease() {
        ModelInput deprecated = new ModelInput("m", "m", null, null, LocalDate.parse("2025-01-01"), null, null, null, null,
                null, null, null, null, Capabilities.unknown(), null, null, null, "deprecated", LocalDate.parse("2024-12-31"),
                null, null);

        assertThat(rules("m", deprecated)).containsExactly("retiresOn before-release");
    }

    private List<String> rules(String id, ModelInput input) {
        return rules.check(id, input).stream().map(v -> v.field() + " " + v.rule()).toList();
    }

    private static ModelInput input(String id, LocalDate released, String cutoff, Long context, String status,
            String successor) {
        return new ModelInput(id, "name", null, null, released, cutoff, context, null, null, null, null, null, null, null,
                null, null, null, status, null, successor, null);
    }
}
