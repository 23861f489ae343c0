package org.llmreference.pricing.routes.sync;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.pricing.routes.HistoryEntry;
import org.llmreference.pricing.routes.HistoryEntry.Kind;
import org.llmreference.pricing.routes.Provenance;

/**
 * Who set each term of a route last, read from the route's history: a term belongs to the editor
 * when the latest applied change that touched it (a new route touches every term) was an editor's.
 * A scheduled change that came due counts as whoever scheduled it. Entries written before
 * provenance was recorded count as upstream's: they are the imported state the sync starts from.
 */
final class FieldOwners {

    static final List<String> TERMS = java.util.Arrays.stream(RouteTerms.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private FieldOwners() {
    }

    /** The terms whose latest change was an editor's, in the order of {@link RouteTerms}' components. */
    static Set<String> editorOwned(List<HistoryEntry> history) {
        Map<UUID, Provenance> scheduledBy = new HashMap<>();
        for (HistoryEntry entry : history) {
            if (entry.kind() == Kind.SCHEDULED && entry.scheduledChangeId() != null) {
                scheduledBy.put(entry.scheduledChangeId(), entry.provenance());
            }
        }
        Set<String> owned = new LinkedHashSet<>();
        Set<String> decided = new java.util.HashSet<>();
        for (int i = history.size() - 1; i >= 0 && decided.size() < TERMS.size(); i--) {
            HistoryEntry entry = history.get(i);
            if (entry.kind() != Kind.APPLIED || entry.changedFields().isEmpty()) {
                continue;
            }
            Provenance by = entry.provenance() != null || entry.scheduledChangeId() == null ? entry.provenance()
                    : scheduledBy.get(entry.scheduledChangeId());
            boolean editor = by != null && Provenance.EDITOR.equals(by.origin());
            boolean wholeRoute = entry.changedFields().contains("route");
            for (String term : TERMS) {
                if ((wholeRoute || entry.changedFields().contains(term)) && decided.add(term) && editor) {
                    owned.add(term);
                }
            }
        }
        return TERMS.stream().filter(owned::contains).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }
}
