package org.llmreference.page.ondemand;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.page.facts.FactsView;

/**
 * The picker's two fields read against the facts view: a model's id, one of its aliases or its name
 * (any case) picks it; anything else is said next to its field.
 */
public class Picker {

    /** Longest field value read; longer ones are refused. */
    static final int MAX_LENGTH = 200;

    private final FactsView facts;

    public Picker(FactsView facts) {
        this.facts = facts;
    }

    /**
     * What the two fields pick.
     *
     * @param pair   the pair in canonical order, when both fields name different live models
     * @param errorA what is wrong with the first field, else null
     * @param errorB what is wrong with the second field, else null
     */
    public record Choice(PairId pair, String errorA, String errorB) {

        public boolean valid() {
            return pair != null;
        }
    }

    public Choice choose(String a, String b) {
        Optional<String> first = find(a);
        Optional<String> second = find(b);
        String errorA = first.isEmpty() ? problem(a) : null;
        String errorB = second.isEmpty() ? problem(b) : null;
        if (first.isPresent() && second.isPresent() && first.get().equals(second.get())) {
            errorB = "Pick a model other than the first one.";
        }
        if (errorA != null || errorB != null) {
            return new Choice(null, errorA, errorB);
        }
        return new Choice(PairId.of(first.get(), second.get()), null, null);
    }

    /** The ids of every live model, for the fields' suggestions. */
    public List<String> suggestions() {
        return facts.models().stream().filter(Picker::live).map(ModelSnapshot::id).toList();
    }

    private Optional<String> find(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = typed.strip();
        Optional<String> byId = facts.canonicalId(text).or(() -> facts.canonicalId(text.toLowerCase(Locale.ROOT)));
        if (byId.isPresent()) {
            return byId.filter(id -> facts.model(id).filter(Picker::live).isPresent());
        }
        return facts.models().stream().filter(Picker::live).filter(model -> model.name().equalsIgnoreCase(text))
                .map(ModelSnapshot::id).findFirst();
    }

    private String problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return "Enter a model id or name.";
        }
        if (typed.length() > MAX_LENGTH) {
            return "A model id is at most " + MAX_LENGTH + " characters long.";
        }
        String text = typed.strip();
        Optional<ModelSnapshot> known = facts.canonicalId(text).flatMap(facts::model);
        if (known.isPresent()) {
            return known.get().name() + " is retired and has no comparisons.";
        }
        return "No model is called “" + text + "”. Pick one of the suggestions or a model id.";
    }

    private static boolean live(ModelSnapshot model) {
        return model.status() != ModelStatus.RETIRED;
    }
}
