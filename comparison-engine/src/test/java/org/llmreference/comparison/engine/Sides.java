package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.testsupport.Fixtures;
import org.llmreference.testsupport.Fixtures.RouteBuilder;

/**
 * Readable fixtures for one side of a comparison:
 * {@code aModel("x").withContextWindow(262_144).exposing(VISION).withRoute(aRoute("openrouter").priced("0.03", "0.14")).side()}.
 * Everything not said is unknown, as in the catalog: a bare {@code aModel("x")} is a text model whose
 * name equals its id, with nothing else known. The model and its routes are test-support's
 * {@link Fixtures}; this adds what a side has besides: its routes, and capabilities by name.
 */
final class Sides {

    private Sides() {
    }

    static ModelBuilder aModel(String id) {
        return new ModelBuilder(id);
    }

    static RouteBuilder aRoute(String providerId) {
        return Fixtures.aRoute(providerId);
    }

    static final class ModelBuilder {

        private final Fixtures.ModelBuilder model;
        private final List<RouteSnapshot> routes = new ArrayList<>();

        private ModelBuilder(String id) {
            this.model = Fixtures.aModel(id).textOnly().withCapabilities(Capabilities.unknown());
        }

        ModelBuilder named(String name) {
            model.named(name);
            return this;
        }

        ModelBuilder fromVendor(String vendor) {
            model.fromVendor(vendor);
            return this;
        }

        ModelBuilder releasedOn(String isoDate) {
            model.releasedOn(isoDate);
            return this;
        }

        ModelBuilder withKnowledgeCutoff(String cutoff) {
            model.withKnowledgeCutoff(cutoff);
            return this;
        }

        ModelBuilder withContextWindow(Integer tokens) {
            model.withContextWindow(tokens);
            return this;
        }

        ModelBuilder withParameters(String billions) {
            model.withParameters(billions);
            return this;
        }

        ModelBuilder withArchitecture(String architecture) {
            model.withArchitecture(architecture);
            return this;
        }

        ModelBuilder withLicense(String license) {
            model.withLicense(license);
            return this;
        }

        ModelBuilder withOpenWeights(Boolean openWeights) {
            model.withOpenWeights(openWeights);
            return this;
        }

        ModelBuilder withCapabilities(Capabilities capabilities) {
            model.withCapabilities(capabilities);
            return this;
        }

        /** Says yes to the given capabilities and no to all others. */
        ModelBuilder exposing(Capability... exposed) {
            List<Capability> yes = Arrays.asList(exposed);
            Boolean[] values = new Boolean[Capability.values().length];
            for (Capability capability : Capability.values()) {
                values[capability.ordinal()] = yes.contains(capability);
            }
            return withCapabilities(new Capabilities(values[0], values[1], values[2], values[3], values[4], values[5],
                    values[6], values[7], values[8], values[9]));
        }

        ModelBuilder withDecisionTags(String... tags) {
            model.withDecisionTags(tags);
            return this;
        }

        ModelBuilder withBenchmark(String name, String score, String unit, Boolean verified) {
            model.withBenchmark(name, score, unit, verified);
            return this;
        }

        ModelBuilder withSource(String title, String url, String reviewedAt) {
            model.withSource(title, url, reviewedAt);
            return this;
        }

        ModelBuilder withRoute(RouteBuilder route) {
            return withRoute(route.build());
        }

        ModelBuilder withRoute(RouteSnapshot route) {
            routes.add(route);
            return this;
        }

        ModelSnapshot model() {
            return model.build();
        }

        Side side() {
            return new Side(model(), routes);
        }
    }
}
