package org.llmreference.importing.modelsdev;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.llmreference.contracts.Slugs;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ModelAlias;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.importing.modelsdev.CatalogMerger.Candidate;
import org.llmreference.importing.modelsdev.CatalogMerger.Group;
import org.llmreference.importing.modelsdev.SourceTree.MetadataFile;
import org.llmreference.importing.modelsdev.SourceTree.ProviderFile;

import tools.jackson.databind.JsonNode;

/**
 * Reads a models.dev checkout in its original TOML layout ({@code providers/<p>/provider.toml},
 * {@code providers/<p>/models/**.toml}, {@code models/<lab>/<id>.toml}) into a {@link CatalogBundle},
 * following the import rules of importing/README.md: inheritance, merging one model offered by many
 * providers, one entry per model (the other ids kept as the bundle's aliases), vendor detection, one
 * source per spec, and one route per model and provider.
 *
 * <p>What is left out: models whose outputs are not text (image, speech, video generation) and
 * embedding, reranker, speech and moderation models, told apart by output modalities and id words;
 * they are counted under {@code skipped}; and routers and placeholders ({@link Placeholders}), listed in
 * the counts. Every other model with a route or a metadata file is kept.
 * Free variants, subscription plans and routes priced 0/0 keep the route but carry no price (a price
 * of 0 would read as "cheapest"). The result is sorted (models by id, routes by model and provider,
 * providers by id), so two reads of the same tree give equal bundles.
 */
public final class ModelsDevReader {

    /** The bundle and what the read found. */
    public record Result(CatalogBundle bundle, ReadCounts counts) {
    }

    private static final Set<String> NON_LLM_WORDS = Set.of("embed", "embedding", "embeddings", "rerank", "reranker",
            "moderation", "whisper", "tts", "transcribe");

    private static final Pattern VARIANT_TAG = Pattern.compile(":(free|thinking|latest|beta|exacto|nitro|floor|extended)$");
    private static final Pattern DEFAULT_TAG = Pattern.compile("@default$");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9.-]");

    private final LocalDate dataDate;

    public ModelsDevReader() {
        this(null);
    }

    /** @param dataDate the date of the snapshot, written as the source's reviewedAt and routes' verifiedAt; may be null */
    public ModelsDevReader(LocalDate dataDate) {
        this.dataDate = dataDate;
    }

    public CatalogBundle read(Path checkoutRoot, Consumer<String> progress) {
        return readWithCounts(checkoutRoot, progress).bundle();
    }

    /** Reads the tree; when it is a git working tree, its routes name the commit checked out as their upstream source. */
    public Result readWithCounts(Path checkoutRoot, Consumer<String> progress) {
        return readWithCounts(checkoutRoot, progress, UpstreamCommit.checkedOutIn(checkoutRoot).orElse(null));
    }

    /**
     * Reads the tree as it was at {@code commit}: each route's {@link UpstreamSource} names the file it
     * took, the other files folded into it and the commit; its {@code verifiedAt} is the commit's day,
     * and without a provider's page its {@code sourceUrl} is the file at that commit.
     *
     * @param commit the upstream commit of the tree, or null when unknown (a plain directory)
     */
    public Result readWithCounts(Path checkoutRoot, Consumer<String> progress, UpstreamCommit commit) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        SourceTree tree = SourceTree.read(checkoutRoot, tally, progress);
        Map<String, ProviderFile> providers = new TreeMap<>();
        for (ProviderFile provider : tree.providers) {
            if (Slugs.isValid(provider.id())) {
                providers.put(provider.id(), provider);
            } else {
                tally.skip("provider id not a slug");
            }
        }

        Vendors vendors = vendors(tree, providers);
        Map<String, Group> byId = new TreeMap<>();
        for (Group group : CatalogMerger.merge(tree, tally)) {
            String id = canonicalId(group, creatorRoute(group, vendors.detect(evidence(group)), vendors));
            if (!Slugs.isValid(id)) {
                tally.skip("canonical id not a slug");
                continue;
            }
            Group existing = byId.putIfAbsent(id, group);
            if (existing != null) {
                existing.absorb(group);
            }
        }

        // routers and placeholders out; then one entry per model, the other ids kept as aliases
        List<String> placeholders = new ArrayList<>();
        List<Identities.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Group> entry : new ArrayList<>(byId.entrySet())) {
            Group group = entry.getValue();
            String vendor = vendors.detect(evidence(group));
            Candidate creator = creatorRoute(group, vendor, vendors);
            String name = assembler(group, creator).name();
            if (Placeholders.isPlaceholder(group.key, name)) {
                tally.skip("router or placeholder, not a model");
                placeholders.add(entry.getKey());
                byId.remove(entry.getKey());
                continue;
            }
            entries.add(new Identities.Entry(entry.getKey(), group.key, MatchKeys.of(null, group.key).date(), name, vendor,
                    !group.metadata.isEmpty(), creator != null,
                    (int) group.candidates.stream().map(c -> c.offering().providerId()).distinct().count(),
                    group.nameOnlyInherited()));
        }
        Set<String> prefixes = new TreeSet<>(Vendors.HOST_PREFIXES);
        prefixes.addAll(providers.keySet());
        Map<String, String> joined = Identities.join(entries, prefixes).canonical();
        joined.forEach((alias, canonical) -> byId.get(canonical).join(byId.remove(alias)));

        List<ModelSnapshot> models = new ArrayList<>();
        List<RouteEntry> routes = new ArrayList<>();
        Map<String, Set<String>> spellings = new TreeMap<>();
        int folded = 0;
        for (Map.Entry<String, Group> entry : byId.entrySet()) {
            String id = entry.getKey();
            Group group = entry.getValue();
            String vendor = vendors.detect(evidence(group));
            Candidate creator = creatorRoute(group, vendor, vendors);
            ModelAssembler assembler = assembler(group, creator);
            String notText = nonLlmReason(group.key, assembler.outputModalities());
            if (notText != null) {
                tally.skip(notText);
                continue;
            }
            joined.forEach((alias, canonical) -> {
                if (canonical.equals(id)) {
                    spellings.computeIfAbsent(alias, a -> new TreeSet<>()).add(id);
                }
            });
            group.candidates.forEach(c -> spellings.computeIfAbsent(slug(lastSegment(c.offering().modelId())),
                    a -> new TreeSet<>()).add(id));
            models.add(assembler.build(id, vendor, dataDate, group.nameOnlyInherited()));
            Map<String, List<Candidate>> byProvider = group.candidates.stream()
                    .collect(Collectors.groupingBy(c -> c.offering().providerId(), TreeMap::new, Collectors.toList()));
            for (Map.Entry<String, List<Candidate>> offered : byProvider.entrySet()) {
                ProviderFile provider = providers.get(offered.getKey());
                if (provider == null) {
                    continue;
                }
                folded += offered.getValue().size() - 1;
                Candidate chosen = RouteAssembler.choose(offered.getValue());
                UpstreamSource upstream = upstream(chosen, offered.getValue(), commit);
                String providerPage = httpUrl(provider.doc());
                routes.add(RouteAssembler.build(id, chosen,
                        providerPage != null || commit == null ? providerPage : commit.urlOf(upstream.path()),
                        commit == null ? dataDate : commit.day(), upstream, tally));
            }
        }

        // every other spelling of a model's id is an alias of it, unless it names another model or a placeholder
        Set<String> modelIds = models.stream().map(ModelSnapshot::id).collect(Collectors.toSet());
        List<ModelAlias> aliases = new ArrayList<>();
        spellings.forEach((alias, ids) -> {
            if (ids.size() == 1 && Slugs.isValid(alias) && !modelIds.contains(alias) && !placeholders.contains(alias)) {
                aliases.add(new ModelAlias(alias, ids.iterator().next()));
            }
        });
        List<ProviderEntry> providerEntries = providers.values().stream()
                .map(p -> new ProviderEntry(p.id(), p.name() == null ? p.id() : p.name(), httpUrl(p.doc())))
                .toList();
        routes.sort(Comparator.comparing(RouteEntry::modelId).thenComparing(RouteEntry::providerId));
        String at = commit == null ? "" : " at " + commit.id().substring(0, Math.min(12, commit.id().length()));
        CatalogBundle bundle = new CatalogBundle("models.dev (" + checkoutRoot.getFileName() + at + ", MIT License)",
                providerEntries, models, routes, aliases);
        ReadCounts counts = new ReadCounts(tally.filesRead, tally.symlinksFollowed, tally.danglingSymlinks,
                providerEntries.size(), models.size(), routes.size(), tally.baseClaimsRejected, folded,
                aliases.size(), placeholders, tally.skipped, (System.nanoTime() - started) / 1_000_000);
        progress.accept(counts.summary());
        return new Result(bundle, counts);
    }

    /** Where the chosen file of a route is upstream, with the other files of the same provider folded into it. */
    static UpstreamSource upstream(Candidate chosen, List<Candidate> sameProvider, UpstreamCommit commit) {
        List<String> others = sameProvider.stream().filter(c -> c != chosen).map(c -> path(c.offering())).sorted()
                .toList();
        return new UpstreamSource(chosen.offering().modelId(), path(chosen.offering()),
                commit == null ? null : commit.id(), commit == null ? null : commit.committedAt(), others);
    }

    /** The file of an offering inside the models.dev repository. */
    static String path(SourceTree.Offering offering) {
        return "providers/" + offering.providerId() + "/models/" + offering.modelId() + ".toml";
    }

    /** The vendor tables, with the providers the tree's own org folders name as a maker's own API. */
    private static Vendors vendors(SourceTree tree, Map<String, ProviderFile> providers) {
        Map<String, String> names = new TreeMap<>();
        providers.values().forEach(p -> names.put(p.id(), p.name() == null ? p.id() : p.name()));
        Set<String> orgFolders = new TreeSet<>();
        tree.offerings.forEach(o -> {
            int slash = o.modelId().indexOf('/');
            if (slash > 0) {
                String org = Vendors.orgOf(o.modelId().substring(0, slash));
                if (!org.equals(o.providerId())) {
                    orgFolders.add(org);
                }
            }
        });
        return new Vendors(names, orgFolders);
    }

    private static Vendors.Evidence evidence(Group group) {
        Set<String> providerIds = new TreeSet<>();
        List<String> modelIds = new ArrayList<>();
        Set<String> baseLabs = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        group.candidates.forEach(c -> {
            providerIds.add(c.offering().providerId());
            modelIds.add(c.offering().modelId());
            String base = c.offering().baseModel();
            if (base != null && base.indexOf('/') > 0) {
                baseLabs.add(base.substring(0, base.indexOf('/')));
            }
            addText(families, c.offering().data(), "family");
            addText(names, c.offering().data(), "name");
        });
        group.metadata.forEach(m -> addText(families, m.data(), "family"));
        return new Vendors.Evidence(group.metadata.stream().map(MetadataFile::lab).toList(), baseLabs, group.key,
                families, names, modelIds, providerIds);
    }

    private static void addText(Set<String> into, JsonNode data, String field) {
        String text = TomlNodes.text(data, field);
        if (text != null) {
            into.add(text);
        }
    }

    private static ModelAssembler assembler(Group group, Candidate creator) {
        return new ModelAssembler(
                group.metadata.stream().map(MetadataFile::data).map(JsonNode.class::cast).toList(),
                creator == null ? null : creator.offering().data(),
                group.candidates.stream().map(c -> (JsonNode) c.offering().data()).toList());
    }

    /**
     * The vendor's own API offering of the model, the plain file first. The vendor's own providers
     * are its API in the vendor table, and any provider whose id names it as an org folder
     * ({@code morph} for Morph), so a maker outside the table still has its creator route.
     */
    private static Candidate creatorRoute(Group group, String vendor, Vendors vendors) {
        List<String> own = vendors.ownProviders(vendor);
        List<Candidate> creators = group.candidates.stream()
                .filter(c -> own.contains(c.offering().providerId()))
                .toList();
        if (creators.isEmpty()) {
            return null;
        }
        String firstProvider = own.stream()
                .filter(p -> creators.stream().anyMatch(c -> c.offering().providerId().equals(p)))
                .findFirst().orElseThrow();
        return RouteAssembler.choose(creators.stream().filter(c -> c.offering().providerId().equals(firstProvider)).toList());
    }

    /** A slug of the {@code models/} id, else of the creator route's id, else of the most common provider id. */
    private static String canonicalId(Group group, Candidate creator) {
        if (!group.metadata.isEmpty()) {
            return slug(group.metadata.stream().map(MetadataFile::fullId).sorted().findFirst().orElseThrow()
                    .replaceFirst("^[^/]+/", ""));
        }
        if (creator != null) {
            return slug(lastSegment(creator.offering().modelId()));
        }
        Map<String, Integer> counts = new HashMap<>();
        group.candidates.forEach(c -> counts.merge(lastSegment(c.offering().modelId()), 1, Integer::sum));
        return slug(counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(e -> -e.getKey().length())
                        .thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed()))
                .map(Map.Entry::getKey).orElseThrow());
    }

    /** The file name of a provider id without a {@code :free}-style tag: {@code openai/gpt-oss-20b:free} → {@code gpt-oss-20b}. */
    static String lastSegment(String modelId) {
        String last = modelId.substring(modelId.lastIndexOf('/') + 1);
        return DEFAULT_TAG.matcher(VARIANT_TAG.matcher(last).replaceFirst("")).replaceFirst("");
    }

    /** Lowercase, and any character other than {@code a-z 0-9 . -} becomes {@code -}. */
    static String slug(String id) {
        return NOT_SLUG.matcher(id.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    private static String nonLlmReason(String key, List<String> outputModalities) {
        if (!outputModalities.isEmpty() && !outputModalities.contains("text")) {
            return "not a text model (outputs " + String.join("+", outputModalities) + ")";
        }
        for (String token : key.split("-")) {
            if (NON_LLM_WORDS.contains(token)) {
                return "embedding, reranker, speech or moderation model";
            }
        }
        return null;
    }

    private static String httpUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
