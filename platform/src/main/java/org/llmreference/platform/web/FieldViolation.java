package org.llmreference.platform.web;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code routes[2].inputPricePerMTok},
 * or {@code body} for the whole body), the rule it broke (a short stable word such as
 * {@code required}, {@code slug}, {@code max}), and a sentence for a person.
 */
public record FieldViolation(String field, String rule, String message) {
}
