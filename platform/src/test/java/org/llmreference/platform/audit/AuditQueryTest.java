package org.llmreference.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;

class AuditQueryTest {

    @Test
    void readsEveryFilterWithDatesAsWholeUtcDays() {
        AuditQuery query = AuditQuery.parse(Map.of("editor", "edith", "model", "gpt-5", "provider", "openai", "from",
                "2026-03-01", "to", "2026-03-02", "limit", "20"));

        assertThat(query).isEqualTo(new AuditQuery("edith", "gpt-5", "openai", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2), 20));
        assertThat(query.fromInstant()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(query.untilInstant()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void withoutFiltersAsksForTheNewestHundred() {
        assertThat(AuditQuery.parse(Map.of())).isEqualTo(new AuditQuery(null, null, null, null, null, 100));
    }

    @Test
    void namesEveryBadParameter() {
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("from", "yesterday", "to", "2026-02-30", "limit", "1001")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.violations()).extracting(FieldViolation::field)
                            .containsExactlyInAnyOrder("from", "to", "limit");
                });
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("limit", "0"))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("editor", "a\u0000b"))).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.violations().get(0).field()).isEqualTo("editor"));
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("from", "2026-03-02", "to", "2026-03-01")))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.violations().get(0).field()).isEqualTo("to"));
    }

    @Test
    void fieldChangesListWhatDiffersInFieldOrder() {
        List<FieldChange> changes = FieldChange.between(
                Map.of("vendor", "OpenAI", "contextWindow", 128_000, "license", "MIT"),
                Map.of("vendor", "OpenAI", "contextWindow", 262_144L, "family", "gpt"));

        assertThat(changes).extracting(FieldChange::field).containsExactlyInAnyOrder("contextWindow", "license", "family");
        assertThat(changes).contains(new FieldChange("contextWindow", 128_000L, 262_144L),
                new FieldChange("license", "MIT", null), new FieldChange("family", null, "gpt"));
    }
}
