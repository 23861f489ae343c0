package org.llmreference.page.ondemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.ondemand.Picker.Choice;

class PickerTest {

    private final FactsView facts = new FactsView();
    private final Picker picker = new Picker(facts);

    @BeforeEach
    void catalog() {
        model(aModel("qwen3.5-4b").named("Qwen3.5 4B").build());
        model(aModel("gpt-oss-20b").named("gpt-oss-20b").build().withAliases(List.of("openai-gpt-oss-20b")));
        model(aModel("old-model").named("Old Model").withStatus(ModelStatus.RETIRED).build());
    }

    @Test
    void picksTwoLiveModelsInCanonicalOrder() {
        assertThat(picker.choose("qwen3.5-4b", "gpt-oss-20b"))
                .isEqualTo(new Choice(PairId.parse("gpt-oss-20b-vs-qwen3.5-4b"), null, null));
    }

    @Test
    void readsAnAliasANameInAnyCaseAndSurroundingSpaces() {
        Choice choice = picker.choose(" openai-gpt-oss-20b ", "qwen3.5 4b");

        assertThat(choice.valid()).isTrue();
        assertThat(choice.pair()).isEqualTo(PairId.parse("gpt-oss-20b-vs-qwen3.5-4b"));
    }

    @Test
    void saysNextToTheFieldWhichModelIsUnknown() {
        Choice choice = picker.choose("gpt-oss-20b", "gpt-7");

        assertThat(choice.valid()).isFalse();
        assertThat(choice.errorA()).isNull();
        assertThat(choice.errorB()).contains("No model is called “gpt-7”");
    }

    @Test
    void refusesTheSameModelTwiceEvenUnderAnAlias() {
        Choice choice = picker.choose("gpt-oss-20b", "openai-gpt-oss-20b");

        assertThat(choice.valid()).isFalse();
        assertThat(choice.errorB()).isEqualTo("Pick a model other than the first one.");
    }

    @Test
    void refusesEmptyTooLongAndRetiredModels() {
        Choice choice = picker.choose("", "old-model");

        assertThat(choice.errorA()).isEqualTo("Enter a model id or name.");
        assertThat(choice.errorB()).isEqualTo("Old Model is retired and has no comparisons.");
        assertThat(picker.choose("x".repeat(201), "qwen3.5-4b").errorA()).contains("at most 200 characters");
    }

    @Test
    void suggestsEveryLiveModel() {
        assertThat(picker.suggestions()).containsExactly("gpt-oss-20b", "qwen3.5-4b");
    }

    private void model(ModelSnapshot model) {
        facts.applyModel(Envelope.of(new ModelChanged(model, List.of("name")), model.id(), 1,
                Instant.parse("2026-12-04T10:00:00Z"), "edit"));
    }
}
