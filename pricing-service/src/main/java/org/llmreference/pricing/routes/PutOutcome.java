package org.llmreference.pricing.routes;

/** What putting a route did. */
public enum PutOutcome {
    CREATED, CHANGED, UNCHANGED, SCHEDULED
}
