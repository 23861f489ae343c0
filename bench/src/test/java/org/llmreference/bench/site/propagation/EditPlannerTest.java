package org.llmreference.bench.site.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.propagation.EditPlanner.Group;
import org.llmreference.bench.site.propagation.EditPlanner.PlannedEdit;

class EditPlannerTest {

    /** model-01 has 1 page ... model-40 has 40. */
    private static Map<String, Integer> fortyModels() {
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (int i = 1; i <= 40; i++) {
            pages.put(String.format("model-%02d", i), i);
        }
        return pages;
    }

    @Test
    void sendsFortyPercentToTheFewestPagesFortyToTheMostAndTheRestInBetween() {
        List<PlannedEdit> plan = EditPlanner.plan(fortyModels(), 20, 42, model -> true);

        assertThat(plan).hasSize(20);
        assertThat(plan).filteredOn(edit -> edit.group() == Group.FEWEST_PAGES).hasSize(8)
                .allMatch(edit -> edit.pages() <= 10);
        assertThat(plan).filteredOn(edit -> edit.group() == Group.MOST_PAGES).hasSize(8)
                .allMatch(edit -> edit.pages() >= 37);
        assertThat(plan).filteredOn(edit -> edit.group() == Group.IN_BETWEEN).hasSize(4)
                .allMatch(edit -> edit.pages() > 10 && edit.pages() < 37);
    }

    @Test
    void isTheSameForTheSameSeedAndDiffersForAnother() {
        assertThat(EditPlanner.plan(fortyModels(), 20, 42, model -> true))
                .isEqualTo(EditPlanner.plan(fortyModels(), 20, 42, model -> true))
                .isNotEqualTo(EditPlanner.plan(fortyModels(), 20, 7, model -> true));
    }

    @Test
    void skipsModelsThatCannotBeEditedAndReusesTheOthersWhenItRunsShort() {
        List<PlannedEdit> plan = EditPlanner.plan(fortyModels(), 20, 42, model -> !model.equals("model-40"));

        assertThat(plan).extracting(PlannedEdit::modelId).doesNotContain("model-40");
        assertThat(plan).filteredOn(edit -> edit.group() == Group.MOST_PAGES).hasSize(8)
                .extracting(PlannedEdit::modelId).containsOnly("model-37", "model-38", "model-39");
    }

    @Test
    void failsWhenNoModelOfAGroupCanBeEdited() {
        assertThatThrownBy(() -> EditPlanner.plan(fortyModels(), 20, 42, model -> model.compareTo("model-37") < 0))
                .isInstanceOf(BenchmarkFailure.class)
                .hasMessageContaining("most pages");
    }
}
