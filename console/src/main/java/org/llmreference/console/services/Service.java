package org.llmreference.console.services;

/** The services whose public APIs the console calls. */
public enum Service {
    CATALOG("catalog-service"), PRICING("pricing-service"), COMPARISON("comparison-service"), PAGES("page-service");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
