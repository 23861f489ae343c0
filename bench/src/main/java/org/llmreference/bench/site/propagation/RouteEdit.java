package org.llmreference.bench.site.propagation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.llmreference.bench.site.Site;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One price edit B1 makes, and how to see it on a page. A comparison page shows a model's cheapest
 * active input and output price ("$0.03/1M tokens"), so the edit makes one active route the cheapest
 * by far, with prices no other edit uses: edit n sets input {@code 0.00001 + n·10⁻¹⁰} and output
 * {@code 0.00002 + n·10⁻¹⁰} USD per 1M tokens. The page shows the new version exactly when it holds
 * {@link #marker()}, e.g. {@code $0.0000100042/1M}. The route's other fields are kept; verifiedAt
 * becomes today.
 *
 * @param revision the price list revision the edit is conditional on (If-Match)
 */
record RouteEdit(String modelId, String providerId, long revision, BigDecimal input, BigDecimal output, String body) {

    /** Every edit price is below this; a route can be made the cheapest only if the others are above it. */
    static final BigDecimal EDIT_PRICE_CEILING = new BigDecimal("0.00003");
    static final int MAX_EDITS = 99_999;
    private static final BigDecimal STEP = new BigDecimal("0.0000000001");
    private static final BigDecimal INPUT_BASE = new BigDecimal("0.0000100000");
    private static final BigDecimal OUTPUT_BASE = new BigDecimal("0.0000200000");
    /** The fields of a route an editor sends (the pricing API refuses any other). */
    private static final List<String> ROUTE_FIELDS = List.of("inputPricePerMTok", "outputPricePerMTok",
            "cachedInputPricePerMTok", "cacheWritePricePerMTok", "batchInputPricePerMTok", "batchOutputPricePerMTok",
            "contextTiers", "contextWindow", "region", "status", "sourceUrl", "verifiedAt");

    /**
     * Edit number {@code number} (1..99,999) of the model whose price list is given, or empty when no
     * active route can become the cheapest (another active route is priced below the edit prices,
     * e.g. at 0). The route chosen is the first, in the price list's order, that can.
     */
    static Optional<RouteEdit> of(JsonNode priceList, int number, LocalDate today) {
        if (number < 1 || number > MAX_EDITS) {
            throw new IllegalArgumentException("edit numbers go from 1 to " + MAX_EDITS + ", not " + number);
        }
        List<JsonNode> routes = priceList.path("routes").valueStream().toList();
        for (JsonNode route : routes) {
            if (isActive(route) && othersAreDearer(route, routes)) {
                BigDecimal step = STEP.multiply(BigDecimal.valueOf(number));
                BigDecimal input = INPUT_BASE.add(step);
                BigDecimal output = OUTPUT_BASE.add(step);
                return Optional.of(new RouteEdit(priceList.path("modelId").asString(), route.path("providerId").asString(),
                        priceList.path("revision").asLong(), input, output, body(route, input, output, today)));
            }
        }
        return Optional.empty();
    }

    /** What the page shows for the new input price, as the engine formats it: "$0.0000100042/1M". */
    String marker() {
        return "$" + input.stripTrailingZeros().toPlainString() + "/1M";
    }

    private static String body(JsonNode route, BigDecimal input, BigDecimal output, LocalDate today) {
        ObjectNode body = Site.JSON.createObjectNode();
        for (String field : ROUTE_FIELDS) {
            JsonNode value = route.get(field);
            if (value != null && !value.isNull()) {
                body.set(field, value);
            }
        }
        body.put("inputPricePerMTok", input);
        body.put("outputPricePerMTok", output);
        body.put("verifiedAt", today.toString());
        return Site.JSON.writeValueAsString(body);
    }

    private static boolean isActive(JsonNode route) {
        JsonNode status = route.get("status");
        return status == null || status.isNull() || status.asString().equalsIgnoreCase("active");
    }

    private static boolean othersAreDearer(JsonNode chosen, List<JsonNode> routes) {
        for (JsonNode other : routes) {
            if (other != chosen && isActive(other)
                    && (belowCeiling(other.get("inputPricePerMTok")) || belowCeiling(other.get("outputPricePerMTok")))) {
                return false;
            }
        }
        return true;
    }

    private static boolean belowCeiling(JsonNode price) {
        return price != null && price.isNumber() && price.decimalValue().compareTo(EDIT_PRICE_CEILING) < 0;
    }
}
