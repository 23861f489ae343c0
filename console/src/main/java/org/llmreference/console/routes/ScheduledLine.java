package org.llmreference.console.routes;

/** A pending scheduled price change. */
public record ScheduledLine(String id, String providerId, String effectiveFrom, String inputPrice, String outputPrice) {
}
