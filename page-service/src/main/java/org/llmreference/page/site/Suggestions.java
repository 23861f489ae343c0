package org.llmreference.page.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.llmreference.page.rendering.ModelLink;

/** Models whose id or name resembles what a visitor asked for, for the 404 page. */
final class Suggestions {

    static final int MAX = 8;

    private Suggestions() {
    }

    /**
     * For each word asked for (e.g. the two ids of a pair), the models whose id or name contains it
     * or is contained in it, else those sharing its longest leading part (at least 3 characters).
     */
    static List<ModelLink> resembling(List<String> asked, Collection<ModelLink> models) {
        List<ModelLink> suggestions = new ArrayList<>();
        for (String word : asked) {
            String wanted = word.toLowerCase(Locale.ROOT).strip();
            if (wanted.length() < 2) {
                continue;
            }
            List<ModelLink> containing = models.stream().filter(model -> contains(model, wanted))
                    .sorted(Comparator.comparing(ModelLink::id)).toList();
            if (!containing.isEmpty()) {
                containing.forEach(model -> add(suggestions, model));
                continue;
            }
            int best = 2;
            for (ModelLink model : models) {
                best = Math.max(best, commonPrefix(model.id(), wanted));
            }
            int longest = best;
            models.stream().filter(model -> longest >= 3 && commonPrefix(model.id(), wanted) == longest)
                    .sorted(Comparator.comparing(ModelLink::id)).forEach(model -> add(suggestions, model));
        }
        return suggestions.size() > MAX ? List.copyOf(suggestions.subList(0, MAX)) : List.copyOf(suggestions);
    }

    private static boolean contains(ModelLink model, String wanted) {
        String id = model.id();
        String name = model.name().toLowerCase(Locale.ROOT);
        return id.contains(wanted) || wanted.contains(id) || name.contains(wanted) || wanted.contains(name);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static void add(List<ModelLink> suggestions, ModelLink model) {
        if (suggestions.stream().noneMatch(existing -> existing.id().equals(model.id()))) {
            suggestions.add(model);
        }
    }
}
