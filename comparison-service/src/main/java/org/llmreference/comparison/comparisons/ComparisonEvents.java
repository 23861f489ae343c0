package org.llmreference.comparison.comparisons;

import java.time.Instant;

import org.llmreference.comparison.recompute.Publication;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonWithdrawn;
import org.llmreference.platform.outbox.PendingEvent;

/** The {@code comparison.pages.v1} event of a publication, keyed by its pair, at its revision. */
final class ComparisonEvents {

    private ComparisonEvents() {
    }

    static PendingEvent of(Publication publication, Cause cause, Instant at) {
        return PendingEvent.of(envelope(publication, cause), at);
    }

    private static Envelope<?> envelope(Publication publication, Cause cause) {
        String id = publication.pair().toString();
        if (publication instanceof Publication.Changed changed) {
            return Envelope.of(new ComparisonChanged(changed.comparison(), changed.contentHash(), changed.changedSections()),
                    id, changed.revision(), cause.occurredAt(), cause.causedBy(), cause.type());
        }
        Publication.Withdrawn withdrawn = (Publication.Withdrawn) publication;
        return Envelope.of(new ComparisonWithdrawn(id, withdrawn.pair().a(), withdrawn.pair().b(), withdrawn.reason()),
                id, withdrawn.revision(), cause.occurredAt(), cause.causedBy(), cause.type());
    }
}
