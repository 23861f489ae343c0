package org.llmreference.importing.modelsdev;

import java.util.Map;
import java.util.TreeMap;

/** Counters collected while reading: files, symlinks, and items skipped by reason. */
final class Tally {

    int filesRead;
    int symlinksFollowed;
    int danglingSymlinks;
    int baseClaimsRejected;
    final Map<String, Integer> skipped = new TreeMap<>();

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }
}
