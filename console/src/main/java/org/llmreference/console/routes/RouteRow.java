package org.llmreference.console.routes;

import java.util.Map;

/**
 * One route in the editable table: the values its inputs show (the editor's draft after a refusal or
 * conflict), the values stored now, the API's problems by field, and the upstream source if any.
 */
public record RouteRow(String providerId, String providerName, Map<String, String> values, Map<String, String> stored,
        Map<String, String> errors, String upstream) {
}
