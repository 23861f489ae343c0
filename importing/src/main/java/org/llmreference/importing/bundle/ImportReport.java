package org.llmreference.importing.bundle;

import java.util.List;

/**
 * What an import endpoint did with a bundle: how many items it received, created, changed or found
 * unchanged (unchanged items emit no event), and the items it rejected with the reason.
 *
 * @param target {@code models}, {@code providers} or {@code routes}
 */
public record ImportReport(String target, int received, int created, int changed, int unchanged,
        List<ImportRejection> rejected) {

    public ImportReport {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** One item the import refused: its id, the field and rule it broke, and a message. */
    public record ImportRejection(String id, String field, String rule, String message) {
    }
}
