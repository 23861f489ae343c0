package org.llmreference.importing.modelsdev;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One model, one entry: joins the models that the match keys left apart although they are one model
 * (the identity rules of importing/README.md), and names the ids that were given up as aliases.
 * Two models are one when:
 * <ol>
 * <li>their match keys, or their ids, are equal once the dashes are removed and a Fireworks-style
 * {@code 5p1} reads {@code 51} ({@code claude-opus4-6} and {@code claude-opus-4-6},
 * {@code glm-5p1} and {@code glm-5.1});</li>
 * <li>one key is the other with a host's or provider's prefix ({@code azure-gpt-4o} and
 * {@code gpt-4o}), the rest naming a model (a digit, or two words or more);</li>
 * <li>their display names are equal (case, spaces and punctuation aside, {@code +} read as
 * {@code plus}) and they are not two snapshots with different dates. A name inherited through a
 * {@code base_model} claim that the provider's id contradicts ({@code qwen3.5-397b-a17b-2507}) does not count.</li>
 * </ol>
 * Never when both vendors are known and differ.
 * Of the models joined, the canonical one is the one with a {@code models/} metadata file, else one
 * with a creator route, else one without a host prefix, else the one with the most providers, else
 * the shortest id.
 */
final class Identities {

    /** What the rules look at of one model. */
    record Entry(String id, String key, String date, String name, String vendor, boolean metadata, boolean creatorRoute,
            int providers, boolean nameInherited) {
    }

    /**
     * The result.
     *
     * @param canonical each id joined to another model → that model's canonical id
     */
    record Joins(Map<String, String> canonical) {
    }

    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");
    private static final Pattern POINT_VERSION = Pattern.compile("(\\d)p(\\d)");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private Identities() {
    }

    static Joins join(List<Entry> entries, Set<String> prefixes) {
        Map<String, Entry> byId = new TreeMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        Map<String, String> parent = new HashMap<>();
        byId.keySet().forEach(id -> parent.put(id, id));

        Map<String, List<String>> byCompact = new TreeMap<>();
        Map<String, List<String>> byKey = new TreeMap<>();
        Map<String, List<String>> byName = new TreeMap<>();
        for (Entry e : byId.values()) {
            byCompact.computeIfAbsent(compact(e.key()), k -> new ArrayList<>()).add(e.id());
            byCompact.computeIfAbsent(compact(e.id()), k -> new ArrayList<>()).add(e.id());
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.id());
            if (e.name() != null && !e.nameInherited()) {
                byName.computeIfAbsent(normalName(e.name()), k -> new ArrayList<>()).add(e.id());
            }
        }
        // 1. equal without dashes
        byCompact.values().forEach(ids -> ids.forEach(id -> union(parent, byId, ids.get(0), id)));
        // 2. a host's prefix before another model's key
        for (Entry e : byId.values()) {
            for (String prefix : prefixes) {
                if (e.key().startsWith(prefix + "-")) {
                    String rest = e.key().substring(prefix.length() + 1).replaceFirst("^-+", "");
                    List<String> twins = byKey.get(rest);
                    if (twins != null && namesAModel(rest)) {
                        union(parent, byId, twins.get(0), e.id());
                    }
                }
            }
        }
        // 3. the same display name, vendors that do not differ, not two different snapshot dates
        for (List<String> ids : byName.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    Entry a = byId.get(ids.get(i));
                    Entry b = byId.get(ids.get(j));
                    if (a.date() == null || b.date() == null || a.date().equals(b.date())) {
                        union(parent, byId, a.id(), b.id());
                    }
                }
            }
        }

        Map<String, List<Entry>> sets = new TreeMap<>();
        byId.keySet().forEach(id -> sets.computeIfAbsent(find(parent, id), r -> new ArrayList<>()).add(byId.get(id)));
        Map<String, String> canonical = new TreeMap<>();
        for (List<Entry> set : sets.values()) {
            if (set.size() < 2) {
                continue;
            }
            Entry chosen = set.stream().min(Comparator
                            .comparing((Entry e) -> !e.metadata())
                            .thenComparing(e -> !e.creatorRoute())
                            .thenComparing(e -> prefixes.stream().anyMatch(p -> e.key().startsWith(p + "-")))
                            .thenComparing(Comparator.comparingInt(Entry::providers).reversed())
                            .thenComparing(e -> e.id().length())
                            .thenComparing(Entry::id))
                    .orElseThrow();
            set.stream().filter(e -> !e.equals(chosen)).forEach(e -> canonical.put(e.id(), chosen.id()));
        }
        return new Joins(canonical);
    }

    /** {@code claude-opus-4-6} and {@code claude-opus4-6} → {@code claudeopus46}; {@code glm-5p1} → {@code glm51}. */
    static String compact(String key) {
        return POINT_VERSION.matcher(NOT_ALNUM.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("$1$2");
    }

    /** {@code Command R+} → {@code commandrplus}. */
    static String normalName(String name) {
        return NOT_ALNUM.matcher(name.toLowerCase(Locale.ROOT).replace("+", "plus")).replaceAll("");
    }

    /** A digit, or two words or more: {@code small} alone names no model. */
    private static boolean namesAModel(String rest) {
        return DIGIT.matcher(rest).find() || rest.contains("-");
    }

    /** Joins the sets of {@code a} and {@code b} unless the two models name different vendors. */
    private static void union(Map<String, String> parent, Map<String, Entry> byId, String a, String b) {
        String vendorA = byId.get(a).vendor();
        String vendorB = byId.get(b).vendor();
        if (vendorA != null && vendorB != null && !vendorA.equals(vendorB)) {
            return;
        }
        String rootA = find(parent, a);
        String rootB = find(parent, b);
        if (!Objects.equals(rootA, rootB)) {
            parent.put(rootB, rootA);
        }
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
