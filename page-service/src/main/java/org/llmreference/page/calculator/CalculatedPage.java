package org.llmreference.page.calculator;

import org.llmreference.page.http.Representation;

/**
 * A page at a visitor's workload.
 *
 * @param valid false when a parameter was not understood: the page then shows its own figures and
 *              the form with a message next to each wrong field, and is answered with 400
 */
public record CalculatedPage(Representation representation, boolean valid) {
}
