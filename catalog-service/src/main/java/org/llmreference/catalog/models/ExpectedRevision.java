package org.llmreference.catalog.models;

/**
 * The revision a writer expects the model to have, from its {@code If-Match}: none stated, any
 * revision of an existing model ({@code *}), or one revision.
 *
 * @param stated   whether the writer stated an expectation at all
 * @param revision the one revision expected, {@code null} for none or any
 */
public record ExpectedRevision(boolean stated, Long revision) {

    /** No {@code If-Match}: the write applies to whatever is stored, or creates the model. */
    public static final ExpectedRevision NONE = new ExpectedRevision(false, null);

    /** {@code If-Match: *}: the model must exist, in any revision. */
    public static final ExpectedRevision ANY = new ExpectedRevision(true, null);

    public ExpectedRevision {
        if (revision != null && (!stated || revision < 0)) {
            throw new IllegalArgumentException("an expected revision is stated and at least 0: " + revision);
        }
    }

    public static ExpectedRevision of(long revision) {
        return new ExpectedRevision(true, revision);
    }

    /** Refuses as a stale revision when one revision is expected and it is not {@code current}. */
    void require(long current) {
        if (revision != null && revision != current) {
            throw EditRefused.staleRevision(revision, current);
        }
    }
}
