package org.llmreference.console.routes;

import static org.llmreference.console.web.FormFields.Field.choice;
import static org.llmreference.console.web.FormFields.Field.of;
import static org.llmreference.console.web.FormFields.Field.text;

import java.util.List;

import org.llmreference.console.web.FormFields.Field;
import org.llmreference.console.web.FormFields.Kind;

/** A route's editable terms, named as in pricing-service's route JSON. */
final class RouteFields {

    static final List<Field> PRICES = List.of(
            of("inputPricePerMTok", "Input $/1M", Kind.DECIMAL),
            of("outputPricePerMTok", "Output $/1M", Kind.DECIMAL),
            of("cachedInputPricePerMTok", "Cached input $/1M", Kind.DECIMAL),
            of("cacheWritePricePerMTok", "Cache write $/1M", Kind.DECIMAL),
            of("batchInputPricePerMTok", "Batch input $/1M", Kind.DECIMAL),
            of("batchOutputPricePerMTok", "Batch output $/1M", Kind.DECIMAL));

    static final List<Field> ALL = List.of(
            PRICES.get(0), PRICES.get(1), PRICES.get(2), PRICES.get(3), PRICES.get(4), PRICES.get(5),
            of("contextWindow", "Context window", Kind.INTEGER),
            text("region", "Region"),
            choice("status", "Status", "active", "deprecated"),
            text("sourceUrl", "Source URL"),
            text("verifiedAt", "Verified (YYYY-MM-DD)"));

    private RouteFields() {
    }
}
