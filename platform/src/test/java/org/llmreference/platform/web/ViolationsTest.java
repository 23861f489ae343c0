package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ViolationsTest {

    @Test
    void collectsEveryViolationBeforeRefusing() {
        Violations violations = new Violations();
        violations.text("name", " padded ", 200, true);
        violations.slug("id", "Not A Slug", true);
        violations.httpUrl("sourceUrl", "javascript:alert(1)", false);
        violations.decimal("price", new BigDecimal("10000.01"), BigDecimal.ZERO, new BigDecimal("10000"), 10);
        violations.range("contextWindow", 0L, 1, 100_000_000);
        violations.date("releaseDate", LocalDate.parse("2999-01-01"), LocalDate.parse("2015-01-01"),
                LocalDate.parse("2027-01-01"));

        assertThatThrownBy(violations::throwIfAny).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("name", "trimmed"),
                    org.assertj.core.groups.Tuple.tuple("id", "slug"),
                    org.assertj.core.groups.Tuple.tuple("sourceUrl", "http-url"),
                    org.assertj.core.groups.Tuple.tuple("price", "max"),
                    org.assertj.core.groups.Tuple.tuple("contextWindow", "min"),
                    org.assertj.core.groups.Tuple.tuple("releaseDate", "too-far-in-future"));
        });
    }

    @Test
    void refusesControlCharactersAndBidiOverridesInText() {
        Violations violations = new Violations();
        violations.text("name", "gpt\u0000oss", 200, true);
        violations.text("vendor", "Open\u202eAI", 200, true);
        violations.text("family", "fine text", 200, true);

        assertThat(violations.list()).extracting(FieldViolation::field).containsExactly("name", "vendor");
        assertThat(violations.list()).extracting(FieldViolation::rule).containsOnly("control-characters");
    }

    @Test
    void refusesAUrlWithUserInformation() {
        Violations violations = new Violations();

        assertThat(violations.httpUrl("sourceUrl", "https://openrouter.ai@evil.example/", true)).isFalse();
        assertThat(violations.httpUrl("url", "http://user:secret@example.org/", true)).isFalse();
        assertThat(violations.list()).extracting(FieldViolation::rule).containsOnly("no-userinfo");
    }

    @Test
    void refusesTextWithNothingVisibleAsBlank() {
        Violations violations = new Violations();
        violations.text("name", "\u3164\u3164", 200, true);
        violations.text("vendor", "\u2800", 200, true);

        assertThat(violations.list()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("name", "not-blank"),
                org.assertj.core.groups.Tuple.tuple("vendor", "not-blank"));
    }

    @Test
    void acceptsHttpAndHttpsUrlsOnly() {
        Violations violations = new Violations();

        assertThat(violations.httpUrl("a", "https://openrouter.ai/openai/gpt-oss-20b", true)).isTrue();
        assertThat(violations.httpUrl("b", "http://example.org/x?y=1", true)).isTrue();
        assertThat(violations.httpUrl("c", "JavaScript:alert(1)", true)).isFalse();
        assertThat(violations.httpUrl("d", "data:text/html,<script>", true)).isFalse();
        assertThat(violations.httpUrl("e", "/relative/path", true)).isFalse();
        assertThat(violations.httpUrl("f", "not a url", true)).isFalse();
    }

    @Test
    void refusesTooManyDecimalPlaces() {
        Violations violations = new Violations();

        assertThat(violations.decimal("p", new BigDecimal("0.0000000001"), BigDecimal.ZERO, BigDecimal.TEN, 10)).isTrue();
        assertThat(violations.decimal("p", new BigDecimal("0.00000000001"), BigDecimal.ZERO, BigDecimal.TEN, 10)).isFalse();
        assertThat(violations.decimal("p", new BigDecimal("-0.01"), BigDecimal.ZERO, BigDecimal.TEN, 10)).isFalse();
    }
}
