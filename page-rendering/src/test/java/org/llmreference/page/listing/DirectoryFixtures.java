package org.llmreference.page.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;

/** Models and routes for the directory's tests: {@code aModel("a").vendor("X").toolUse(true).build()}. */
final class DirectoryFixtures {

    private DirectoryFixtures() {
    }

    static ModelBuilder aModel(String id) {
        return new ModelBuilder(id);
    }

    static RouteSnapshot route(String provider, String input, String output) {
        return route(provider, input, output, RouteStatus.ACTIVE);
    }

    static RouteSnapshot route(String provider, String input, String output, RouteStatus status) {
        return new RouteSnapshot(provider, provider, terms(input, output, status), Instant.parse("2026-01-01T00:00:00Z"));
    }

    static RouteSnapshot routeWithHistory(String provider, String output, Instant... changes) {
        List<PriceStep> steps = new ArrayList<>();
        for (int i = 0; i < changes.length; i++) {
            steps.add(new PriceStep(changes[i], BigDecimal.ONE, new BigDecimal(output).add(BigDecimal.valueOf(changes.length - 1 - i)),
                    null, null, null, null, "editor"));
        }
        return new RouteSnapshot(provider, provider, terms("1", output, RouteStatus.ACTIVE), changes[changes.length - 1],
                steps);
    }

    private static RouteTerms terms(String input, String output, RouteStatus status) {
        return new RouteTerms(input == null ? null : new BigDecimal(input), output == null ? null : new BigDecimal(output),
                null, null, null, null, List.of(), null, null, status, null, null);
    }

    static final class ModelBuilder {
        private final String id;
        private String name;
        private String vendor;
        private Integer context;
        private Boolean toolUse;
        private Boolean reasoning;
        private Boolean openWeights;
        private LocalDate released;
        private ModelStatus status = ModelStatus.ACTIVE;

        ModelBuilder(String id) {
            this.id = id;
            this.name = id;
        }

        ModelBuilder name(String value) {
            name = value;
            return this;
        }

        ModelBuilder vendor(String value) {
            vendor = value;
            return this;
        }

        ModelBuilder context(Integer value) {
            context = value;
            return this;
        }

        ModelBuilder toolUse(Boolean value) {
            toolUse = value;
            return this;
        }

        ModelBuilder reasoning(Boolean value) {
            reasoning = value;
            return this;
        }

        ModelBuilder openWeights(Boolean value) {
            openWeights = value;
            return this;
        }

        ModelBuilder released(String value) {
            released = LocalDate.parse(value);
            return this;
        }

        ModelBuilder status(ModelStatus value) {
            status = value;
            return this;
        }

        ModelSnapshot build() {
            Capabilities capabilities = new Capabilities(null, null, reasoning, null, toolUse, null, null, null, null, null);
            return new ModelSnapshot(id, name, vendor, null, released, null, context, null, null, null, null, openWeights,
                    null, capabilities, null, null, null, status, null, null);
        }
    }
}
