package org.llmreference.page.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteWithdrawn;

class FactsViewTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final FactsView view = new FactsView();

    @Test
    void holdsTheLatestFactsOfEveryModelInAnyStatus() {
        view.applyModel(changed(aModel("gpt-oss-20b").named("gpt-oss-20b").build(), 1));
        view.applyModel(changed(aModel("gpt-oss-20b").named("GPT OSS 20B").build(), 2));
        view.applyModel(retired(aModel("old-model").withStatus(ModelStatus.RETIRED).build(), 5));

        assertThat(view.model("gpt-oss-20b")).map(ModelSnapshot::name).contains("GPT OSS 20B");
        assertThat(view.models()).extracting(ModelSnapshot::id).containsExactly("gpt-oss-20b", "old-model");
        assertThat(view.model("old-model")).map(ModelSnapshot::status).contains(ModelStatus.RETIRED);
        assertThat(view.model("unknown")).isEmpty();
    }

    @Test
    void ignoresDuplicatesAndOlderRevisions() {
        view.applyModel(changed(aModel("qwen3.5-4b").named("new").build(), 3));
        long version = view.version();

        assertThat(view.applyModel(changed(aModel("qwen3.5-4b").named("older").build(), 2))).isFalse();
        assertThat(view.applyModel(changed(aModel("qwen3.5-4b").named("same").build(), 3))).isFalse();

        assertThat(view.model("qwen3.5-4b")).map(ModelSnapshot::name).contains("new");
        assertThat(view.version()).isEqualTo(version);
    }

    @Test
    void holdsEachModelsLatestPriceList() {
        RouteSnapshot openRouter = aRoute("openrouter").priced("0.03", "0.14").build();
        RouteSnapshot groq = aRoute("groq").priced("0.10", "0.50").build();
        view.applyRoutes(routeChanged("gpt-oss-20b", "openrouter", 1, openRouter));
        view.applyRoutes(routeChanged("gpt-oss-20b", "groq", 2, openRouter, groq));
        view.applyRoutes(Envelope.of(new RouteWithdrawn("gpt-oss-20b", "openrouter", List.of(groq)), "gpt-oss-20b", 3,
                AT, "edit-3"));
        view.applyRoutes(routeChanged("gpt-oss-20b", "openrouter", 2, openRouter));

        assertThat(view.routes("gpt-oss-20b")).containsExactly(groq);
        assertThat(view.routes("no-routes")).isEmpty();
    }

    @Test
    void mapsAnAliasToItsModelAndForgetsAnAliasTheModelDropped() {
        view.applyModel(changed(aModel("claude-opus-4-6").build().withAliases(List.of("claude-opus4-6", "opus-4-6")), 1));

        assertThat(view.canonicalId("claude-opus4-6")).contains("claude-opus-4-6");
        assertThat(view.canonicalId("claude-opus-4-6")).contains("claude-opus-4-6");
        assertThat(view.canonicalId("nobody")).isEmpty();

        view.applyModel(changed(aModel("claude-opus-4-6").build().withAliases(List.of("claude-opus4-6")), 2));

        assertThat(view.canonicalId("opus-4-6")).isEmpty();
        assertThat(view.canonicalId("claude-opus4-6")).contains("claude-opus-4-6");
    }

    @Test
    void tellsListenersWhichModelChangedAndGrowsItsVersion() {
        List<String> changedModels = new ArrayList<>();
        view.onChange(changedModels::add);
        long before = view.version();

        view.applyModel(changed(aModel("a").build(), 1));
        view.applyRoutes(routeChanged("b", "groq", 1, aRoute("groq").build()));
        view.applyModel(changed(aModel("a").build(), 1));

        assertThat(changedModels).containsExactly("a", "b");
        assertThat(view.version()).isEqualTo(before + 2);
    }

    @Test
    void isCaughtUpOnlyOnceTheReaderSaysSo() {
        view.applyModel(changed(aModel("a").build(), 1));
        assertThat(view.caughtUp()).isFalse();

        view.markCaughtUp();

        assertThat(view.caughtUp()).isTrue();
    }

    private static Envelope<ModelChanged> changed(ModelSnapshot model, long revision) {
        return Envelope.of(new ModelChanged(model, List.of("name")), model.id(), revision, AT, "edit-" + revision);
    }

    private static Envelope<ModelRetired> retired(ModelSnapshot model, long revision) {
        return Envelope.of(new ModelRetired(model, List.of("status")), model.id(), revision, AT, "edit-" + revision);
    }

    private static Envelope<RouteChanged> routeChanged(String modelId, String providerId, long revision,
            RouteSnapshot... routes) {
        return Envelope.of(new RouteChanged(modelId, providerId, List.of(routes), List.of("input")), modelId, revision,
                AT, "edit-" + revision);
    }
}
