package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class IfMatchTest {

    @Test
    void readsTheRevisionOfStrongAndWeakEtags() {
        assertThat(IfMatch.revision("\"7\"")).hasValue(7);
        assertThat(IfMatch.revision("W/\"7\"")).hasValue(7);
        assertThat(IfMatch.revision(null)).isEmpty();
        assertThat(IfMatch.revision("*")).isEmpty();
        assertThat(IfMatch.etag(12)).isEqualTo("\"12\"");
    }

    @Test
    void refusesAnEtagThisApiNeverIssuedWith400() {
        assertThatThrownBy(() -> IfMatch.revision("abc")).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> IfMatch.revision("\"-1\"")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void refusesAnEmptyHeaderInsteadOfTakingItAsAbsent() {
        assertThatThrownBy(() -> IfMatch.revision("")).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.violations()).extracting(FieldViolation::field).containsExactly("If-Match"));
        assertThatThrownBy(() -> IfMatch.require("  ", 3)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void answers412WhenTheClientReadAnOlderRevision() {
        IfMatch.require("\"3\"", 3);
        IfMatch.require(null, 3);

        assertThatThrownBy(() -> IfMatch.require("\"2\"", 3)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
            assertThat(problem.getMessage()).contains("revision 2").contains("current revision is 3");
        });
    }
}
