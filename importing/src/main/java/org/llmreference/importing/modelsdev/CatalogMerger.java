package org.llmreference.importing.modelsdev;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.llmreference.importing.modelsdev.SourceTree.MetadataFile;
import org.llmreference.importing.modelsdev.SourceTree.Offering;

/**
 * Merges the same model offered by several providers into one catalog model (the merging rule of
 * catalog.README.md): match keys, the snapshot-date rule, {@code base_model} anchoring (with
 * {@link BaseClaims}), MoE completion. The result is one {@link Group} per model, not yet named.
 */
final class CatalogMerger {

    /** One provider file on its way to a route, with the tags that make it a variant ({@code free}, {@code snapshot:...}). */
    record Candidate(Offering offering, Set<String> tags) {

        boolean plain() {
            return tags.isEmpty();
        }
    }

    /** The files that describe one model. */
    static final class Group {
        final String key;
        final List<MetadataFile> metadata = new ArrayList<>();
        final List<Candidate> candidates = new ArrayList<>();
        /** The files that claim a {@code base_model} their own id contradicts, and give no name of their own. */
        int refusedClaimsWithoutOwnName;

        Group(String key) {
            this.key = key;
        }

        void absorb(Group other) {
            metadata.addAll(other.metadata);
            candidates.addAll(other.candidates);
            refusedClaimsWithoutOwnName += other.refusedClaimsWithoutOwnName;
        }

        /**
         * Takes in a model joined to this one by {@link Identities}: its files become variants (tag
         * {@code joined}), so a provider's file under this model's own spelling stays its route.
         */
        void join(Group other) {
            metadata.addAll(other.metadata);
            other.candidates.forEach(c -> {
                Set<String> tags = new TreeSet<>(c.tags());
                tags.add("joined");
                candidates.add(new Candidate(c.offering(), tags));
            });
            refusedClaimsWithoutOwnName += other.refusedClaimsWithoutOwnName;
        }

        /**
         * Whether the model's name can only be one inherited through a refused {@code base_model}
         * claim: no metadata file of its own, and every file claims a base its id contradicts and
         * names nothing itself.
         */
        boolean nameOnlyInherited() {
            return metadata.isEmpty() && refusedClaimsWithoutOwnName == candidates.size();
        }
    }

    private static final Pattern SIZE = Pattern.compile("\\d+b");
    private static final Pattern ACTIVE = Pattern.compile("a\\d+b");

    private CatalogMerger() {
    }

    static Collection<Group> merge(SourceTree tree, Tally tally) {
        // By full id and by position: hashing the files themselves would hash their whole trees.
        Map<String, MatchKeys.Key> metaKeys = new LinkedHashMap<>();
        tree.metadata.values().stream().sorted(Comparator.comparing(MetadataFile::fullId))
                .forEach(meta -> metaKeys.put(meta.fullId(), MatchKeys.of(null, meta.id())));
        List<MatchKeys.Key> offeringKeys = tree.offerings.stream()
                .map(offering -> MatchKeys.of(offering.providerId(), offering.modelId())).toList();

        // the snapshot-date rule: a date is dropped when its base key has only one distinct date anywhere
        Map<String, Set<String>> datesByBase = new HashMap<>();
        for (MatchKeys.Key key : concat(metaKeys.values(), offeringKeys)) {
            if (key.date() != null) {
                datesByBase.computeIfAbsent(key.base(), b -> new HashSet<>()).add(key.date());
            }
        }

        Map<String, Group> groups = new TreeMap<>();
        Map<String, String> metaFinalKeys = new HashMap<>();
        metaKeys.forEach((fullId, key) -> {
            String finalKey = finalKey(key, datesByBase);
            metaFinalKeys.put(fullId, finalKey);
            groups.computeIfAbsent(finalKey, Group::new).metadata.add(tree.metadata.get(fullId));
        });
        for (int i = 0; i < tree.offerings.size(); i++) {
            Offering offering = tree.offerings.get(i);
            MatchKeys.Key key = offeringKeys.get(i);
            String finalKey = finalKey(key, datesByBase);
            Set<String> tags = new TreeSet<>(key.tags());
            if (key.date() != null && finalKey.equals(key.base())) {
                tags.add("snapshot:" + key.date());
            }
            boolean refused = false;
            if (offering.baseModel() != null && metaFinalKeys.containsKey(offering.baseModel())) {
                MatchKeys.Key baseKey = metaKeys.get(offering.baseModel());
                if (BaseClaims.compatible(key, baseKey)) {
                    finalKey = metaFinalKeys.get(offering.baseModel());
                } else {
                    tally.baseClaimsRejected++;
                    refused = true;
                }
            }
            Group group = groups.computeIfAbsent(finalKey, Group::new);
            group.candidates.add(new Candidate(offering, tags));
            group.refusedClaimsWithoutOwnName += refused && !offering.namesItself() ? 1 : 0;
        }
        completeMixtureOfExperts(groups);
        return groups.values();
    }

    private static String finalKey(MatchKeys.Key key, Map<String, Set<String>> datesByBase) {
        if (key.date() == null) {
            return key.base();
        }
        return datesByBase.get(key.base()).size() == 1 ? key.base() : key.withDate();
    }

    /** {@code qwen-3-5-397b} joins {@code qwen-3-5-397b-a17b} when exactly one {@code -aNb} variant exists. */
    private static void completeMixtureOfExperts(Map<String, Group> groups) {
        Map<String, List<String>> withoutActive = new HashMap<>();
        for (String key : groups.keySet()) {
            String[] tokens = key.split("-");
            for (int i = 0; i + 1 < tokens.length; i++) {
                if (SIZE.matcher(tokens[i]).matches() && ACTIVE.matcher(tokens[i + 1]).matches()) {
                    List<String> reduced = new ArrayList<>(List.of(tokens));
                    reduced.remove(i + 1);
                    withoutActive.computeIfAbsent(String.join("-", reduced), k -> new ArrayList<>()).add(key);
                }
            }
        }
        for (String key : new ArrayList<>(groups.keySet())) {
            List<String> targets = withoutActive.get(key);
            if (targets != null && targets.size() == 1 && groups.containsKey(targets.get(0))) {
                groups.get(targets.get(0)).absorb(groups.remove(key));
            }
        }
    }

    private static <T> List<T> concat(Collection<T> a, Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
