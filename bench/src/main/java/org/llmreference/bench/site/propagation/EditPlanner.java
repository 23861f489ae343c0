package org.llmreference.bench.site.propagation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.llmreference.bench.site.BenchmarkFailure;

/**
 * Which models B1 edits, deterministic for a seed. The models are ranked by how many pages they
 * have: 40 % of the edits go to the quarter with the fewest pages, 40 % to the tenth with the most,
 * 20 % to those in between. Within a group the models are taken in a shuffled order (each once, then
 * again if there are more edits than models), skipping those that cannot be edited; finally the edits
 * are shuffled, so small and large ones alternate.
 */
final class EditPlanner {

    /** The groups of models by how many pages they have. */
    enum Group {
        FEWEST_PAGES("fewest pages (bottom 25 %)"), IN_BETWEEN("in between"), MOST_PAGES("most pages (top 10 %)");

        final String label;

        Group(String label) {
            this.label = label;
        }
    }

    /** One planned edit: the model, how many pages it had when planned, its group. */
    record PlannedEdit(String modelId, int pages, Group group) {
    }

    private EditPlanner() {
    }

    static List<PlannedEdit> plan(Map<String, Integer> pagesPerModel, int edits, long seed, Predicate<String> editable) {
        if (pagesPerModel.isEmpty()) {
            throw new BenchmarkFailure("no model has a page: there is nothing to edit");
        }
        List<String> ranked = new ArrayList<>(pagesPerModel.keySet());
        ranked.sort(Comparator.comparing((String model) -> pagesPerModel.get(model)).thenComparing(Comparator.naturalOrder()));
        int fewest = Math.max(1, ranked.size() / 4);
        int most = Math.max(1, Math.min(ranked.size() - fewest, ranked.size() / 10));
        Map<Group, List<String>> groups = new HashMap<>();
        groups.put(Group.FEWEST_PAGES, ranked.subList(0, fewest));
        groups.put(Group.MOST_PAGES, ranked.subList(ranked.size() - most, ranked.size()));
        groups.put(Group.IN_BETWEEN, ranked.subList(fewest, ranked.size() - most));

        int toFewest = Math.round(edits * 0.4f);
        int toMost = Math.round(edits * 0.4f);
        int inBetween = edits - toFewest - toMost;
        if (groups.get(Group.IN_BETWEEN).isEmpty()) {
            toFewest += inBetween;
            inBetween = 0;
        }
        Map<String, Boolean> editability = new HashMap<>();
        Predicate<String> cachedEditable = model -> editability.computeIfAbsent(model, editable::test);
        List<PlannedEdit> plan = new ArrayList<>(edits);
        plan.addAll(pick(Group.FEWEST_PAGES, groups.get(Group.FEWEST_PAGES), toFewest, seed, pagesPerModel, cachedEditable));
        plan.addAll(pick(Group.IN_BETWEEN, groups.get(Group.IN_BETWEEN), inBetween, seed, pagesPerModel, cachedEditable));
        plan.addAll(pick(Group.MOST_PAGES, groups.get(Group.MOST_PAGES), toMost, seed, pagesPerModel, cachedEditable));
        Collections.shuffle(plan, new Random(seed));
        return plan;
    }

    private static List<PlannedEdit> pick(Group group, List<String> models, int count, long seed,
            Map<String, Integer> pagesPerModel, Predicate<String> editable) {
        List<PlannedEdit> picked = new ArrayList<>(count);
        if (count == 0) {
            return picked;
        }
        List<String> order = new ArrayList<>(models);
        Collections.shuffle(order, new Random(seed * 31 + group.ordinal()));
        List<String> usable = new ArrayList<>();
        for (int i = 0; picked.size() < count; i++) {
            if (i < order.size()) {
                String model = order.get(i);
                if (editable.test(model)) {
                    usable.add(model);
                    picked.add(new PlannedEdit(model, pagesPerModel.get(model), group));
                }
            } else if (usable.isEmpty()) {
                throw new BenchmarkFailure("none of the " + order.size() + " models with " + group.label
                        + " has an active route that can be made the cheapest");
            } else {
                String model = usable.get((i - order.size()) % usable.size());
                picked.add(new PlannedEdit(model, pagesPerModel.get(model), group));
            }
        }
        return picked;
    }
}
