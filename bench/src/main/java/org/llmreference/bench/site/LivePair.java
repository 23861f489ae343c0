package org.llmreference.bench.site;

/** A pair with a page, as comparison-service lists it: its id ({@code a-vs-b}, a &lt; b) and its two models. */
public record LivePair(String pairId, String modelA, String modelB) {
}
