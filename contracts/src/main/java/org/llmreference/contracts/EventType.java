package org.llmreference.contracts;

import java.util.Arrays;
import java.util.Optional;

import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonWithdrawn;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.contracts.imports.ImportProgressed;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteWithdrawn;

/**
 * Every event type of the system: its logical name on the wire, its schema version, its topic and
 * the record that is its payload. The only place an event type is declared.
 */
public enum EventType {

    MODEL_CHANGED("catalog.ModelChanged.v1", 1, Topics.CATALOG_MODELS, ModelChanged.class),
    MODEL_RETIRED("catalog.ModelRetired.v1", 1, Topics.CATALOG_MODELS, ModelRetired.class),
    ROUTE_CHANGED("pricing.RouteChanged.v1", 1, Topics.PRICING_ROUTES, RouteChanged.class),
    ROUTE_WITHDRAWN("pricing.RouteWithdrawn.v1", 1, Topics.PRICING_ROUTES, RouteWithdrawn.class),
    COMPARISON_CHANGED("comparison.ComparisonChanged.v1", 1, Topics.COMPARISON_PAGES, ComparisonChanged.class),
    COMPARISON_WITHDRAWN("comparison.ComparisonWithdrawn.v1", 1, Topics.COMPARISON_PAGES, ComparisonWithdrawn.class),
    ACCOUNT_CHANGED("identity.AccountChanged.v1", 1, Topics.IDENTITY_ACCOUNTS, AccountChanged.class),
    IMPORT_PROGRESSED("catalog.ImportProgressed.v1", 1, Topics.CATALOG_IMPORTS, ImportProgressed.class);

    private final String wireName;
    private final int schemaVersion;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, int schemaVersion, String topic, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> byWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType.isInstance(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event payload of this system: " + payload.getClass()));
    }
}
