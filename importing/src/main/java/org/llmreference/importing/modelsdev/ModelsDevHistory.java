package org.llmreference.importing.modelsdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.FileUtils;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.HistoryBundle.Step;
import org.llmreference.importing.bundle.ModelAlias;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.importing.modelsdev.CatalogMerger.Candidate;
import org.llmreference.importing.modelsdev.SourceTree.Offering;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the dated price history of every route from models.dev's git repository (a checkout with
 * {@code .git}, or a {@code .bundle} file), with JGit.
 *
 * <p>The routes are those of the repository's last {@code dev} commit, read by {@link ModelsDevReader}
 * (each route's {@link org.llmreference.contracts.pricing.UpstreamSource#path()} is the file it took).
 * Then the first-parent commits of {@code dev} are walked oldest first, applying each commit's diff
 * to an in-memory copy of the tree: only the provider model files the commit changed, or whose
 * {@code base_model}, {@code [extends]} or symlink targets it changed, are read again, resolved as the
 * snapshot reader does ({@link Inheritance}) and priced as it does ({@link RouteAssembler}). A file's
 * line of descent follows renames (git's rename detection), so a route renamed upstream keeps the
 * prices it had under its old name. A route's step is recorded whenever its prices (input, output,
 * cache read, cache write, context tiers) differ from its previous step, dated at the commit.
 *
 * <p>A file removed upstream (not renamed) ends its line: when no route of the last commit is read
 * from it, but its name gives a model of the last commit that the provider no longer offers, its
 * steps are kept with a last {@code withdrawn} step. A file removed and added again later continues
 * its line, with a withdrawal in between.
 */
public final class ModelsDevHistory {

    /** The history and what reading it took. */
    public record Result(HistoryBundle history, Figures figures) {
    }

    /**
     * @param commits           first-parent commits of {@code dev} walked
     * @param routes            routes of the last commit
     * @param routesWithHistory routes (of the last commit, or withdrawn) with at least one dated price change
     * @param steps             dated steps written (first prices, changes and withdrawals)
     * @param priceChanges      steps that changed the price of a route already priced
     * @param withdrawals       routes withdrawn upstream, kept with their steps
     * @param renamesFollowed   renamed files whose prices were carried over to their new name
     * @param filesResolved     provider files read and resolved over the whole walk
     * @param millis            time the walk took (cloning and the last commit's read included)
     */
    public record Figures(int commits, int routes, int routesWithHistory, int steps, int priceChanges, int withdrawals,
            int renamesFollowed, int filesResolved, long millis, UpstreamCommit last) {

        public String summary() {
            return String.format("models.dev history: %d commits up to %s (%s), %d routes; %d routes with a dated price "
                    + "change, %d dated steps (%d price changes, %d withdrawals), %d renames followed, %d files resolved, "
                    + "in %.1f s", commits, last.id().substring(0, 12), last.committedAt(), routes, routesWithHistory, steps,
                    priceChanges, withdrawals, renamesFollowed, filesResolved, millis / 1000.0);
        }
    }

    private static final String BRANCH = "dev";
    private static final int PROGRESS_EVERY = 500;

    private ModelsDevHistory() {
    }

    /**
     * Reads the history of {@code source} (a models.dev git checkout or bundle), cloning it into a
     * temporary folder that is removed afterwards.
     *
     * @throws IllegalArgumentException when {@code source} is not a readable models.dev repository; the message says why
     */
    public static Result read(Path source, Consumer<String> progress) {
        Path work;
        try {
            work = Files.createTempDirectory("models-dev-history-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        try {
            return read(source, work.resolve("checkout"), progress);
        } finally {
            try {
                FileUtils.delete(work.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            } catch (IOException e) {
                progress.accept("models.dev history: could not remove " + work + ": " + e.getMessage());
            }
        }
    }

    static Result read(Path source, Path checkout, Consumer<String> progress) {
        long started = System.nanoTime();
        try (Git git = cloneDev(source, checkout, progress)) {
            Repository repository = git.getRepository();
            ObjectId tip = repository.resolve(Constants.R_HEADS + BRANCH);
            if (tip == null) {
                throw new IllegalArgumentException(source + " has no '" + BRANCH + "' branch: not a models.dev repository");
            }
            if (!Files.isDirectory(checkout.resolve("providers"))) {
                throw new IllegalArgumentException(source + " is not a models.dev repository: its last '" + BRANCH
                        + "' commit has no providers/ folder");
            }
            RevCommit last;
            try (RevWalk walk = new RevWalk(repository)) {
                last = walk.parseCommit(tip);
            }
            UpstreamCommit lastCommit = UpstreamCommit.of(last);
            progress.accept("models.dev history: reading the routes of " + BRANCH + " at " + lastCommit.id());
            CatalogBundle now = new ModelsDevReader().readWithCounts(checkout, line -> { }, lastCommit).bundle();
            Walk walk = new Walk(repository, now, progress);
            walk.run(tip);
            return walk.result(lastCommit, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " cannot be read as a git repository: " + e.getMessage(), e);
        }
    }

    /** A clone of {@code source}'s {@code dev} branch checked out in {@code checkout}. */
    private static Git cloneDev(Path source, Path checkout, Consumer<String> progress) {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException(source + " does not exist");
        }
        if (Files.isDirectory(source) && !Files.exists(source.resolve(".git")) && !Files.isRegularFile(source.resolve("HEAD"))) {
            throw new IllegalArgumentException(source + " is a folder but not a git repository (no .git in it): the "
                    + "history needs models.dev's git checkout or a .bundle of it");
        }
        progress.accept("models.dev history: cloning " + source);
        try {
            return Git.cloneRepository().setURI(source.toAbsolutePath().toString()).setDirectory(checkout.toFile())
                    .setBranch(BRANCH).setBranchesToClone(List.of(Constants.R_HEADS + BRANCH)).setCloneAllBranches(false)
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new IllegalArgumentException(source + " is not a readable git repository or bundle with a '" + BRANCH
                    + "' branch: " + e.getMessage(), e);
        }
    }

    /** One file's line of descent: its paths over time and its dated price steps. */
    private static final class Line {
        String path;
        final List<Step> steps = new ArrayList<>();
        List<Object> lastPrices;
        String goneCommit;
        Instant goneAt;
        String gonePath;
        RouteEntry lastEntry;
        int renames;

        Line(String path) {
            this.path = path;
        }
    }

    /** A file of the tree at the current commit. */
    private record Blob(ObjectId id, boolean symlink) {
    }

    /** The walk over the commits, with the tree in memory. */
    private static final class Walk {

        private final Repository repository;
        private final Consumer<String> progress;
        private final Map<String, RouteEntry> routeByPath = new HashMap<>();
        private final Set<String> routeKeys = new HashSet<>();
        private final Map<String, String> canonicalIds = new HashMap<>();
        private final Map<String, Blob> tree = new HashMap<>();
        private final Map<String, ObjectNode> parsed = new HashMap<>();
        private final Set<String> unreadable = new HashSet<>();
        private final Map<String, Set<String>> dependents = new HashMap<>();
        private final Map<String, Set<String>> dependencies = new HashMap<>();
        private final Map<String, Line> lines = new HashMap<>();
        private final List<Line> ended = new ArrayList<>();
        private final Tally tally = new Tally();
        private int commits;
        private int filesResolved;

        Walk(Repository repository, CatalogBundle now, Consumer<String> progress) {
            this.repository = repository;
            this.progress = progress;
            for (RouteEntry route : now.routes()) {
                if (route.upstream() != null) {
                    routeByPath.put(route.upstream().path(), route);
                }
                routeKeys.add(route.modelId() + "/" + route.providerId());
            }
            for (ModelSnapshot model : now.models()) {
                canonicalIds.put(model.id(), model.id());
            }
            for (ModelAlias alias : now.aliases()) {
                canonicalIds.putIfAbsent(alias.id(), alias.modelId());
            }
        }

        void run(ObjectId tip) throws IOException {
            try (RevWalk walk = new RevWalk(repository);
                    DiffFormatter diffs = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                diffs.setRepository(repository);
                diffs.setDetectRenames(true);
                diffs.setPathFilter(PathFilterGroup.createFromStrings("providers", "models"));
                walk.setFirstParent(true);
                walk.sort(RevSort.TOPO);
                walk.sort(RevSort.REVERSE, true);
                walk.markStart(walk.parseCommit(tip));
                for (RevCommit commit : walk) {
                    RevCommit parent = commit.getParentCount() == 0 ? null : commit.getParent(0);
                    apply(commit, diffs.scan(parent == null ? null : parent.getTree(), commit.getTree()));
                    commits++;
                    if (commits % PROGRESS_EVERY == 0) {
                        progress.accept("models.dev history: " + commits + " commits read");
                    }
                }
            }
        }

        private void apply(RevCommit commit, List<DiffEntry> diff) throws IOException {
            UpstreamCommit at = UpstreamCommit.of(commit);
            Set<String> changed = new LinkedHashSet<>();
            Set<String> removed = new LinkedHashSet<>();
            for (DiffEntry entry : diff) {
                switch (entry.getChangeType()) {
                    case DELETE -> {
                        put(entry.getOldPath(), null, false);
                        changed.add(entry.getOldPath());
                        removed.add(entry.getOldPath());
                    }
                    case RENAME -> {
                        put(entry.getOldPath(), null, false);
                        put(entry.getNewPath(), entry.getNewId().toObjectId(), entry.getNewMode() == FileMode.SYMLINK);
                        changed.add(entry.getOldPath());
                        changed.add(entry.getNewPath());
                        Line line = lines.remove(entry.getOldPath());
                        if (line != null && sameProvider(entry.getOldPath(), entry.getNewPath())
                                && !lines.containsKey(entry.getNewPath())) {
                            line.path = entry.getNewPath();
                            line.renames++;
                            lines.put(entry.getNewPath(), line);
                        } else if (line != null) {
                            removed.add(entry.getOldPath());
                            lines.put(entry.getOldPath(), line);
                        }
                    }
                    default -> {
                        put(entry.getNewPath(), entry.getNewId().toObjectId(), entry.getNewMode() == FileMode.SYMLINK);
                        changed.add(entry.getNewPath());
                    }
                }
            }
            // a file whose type changed (a file became a symlink) is deleted and added again: it stays
            removed.removeIf(tree::containsKey);
            for (String path : removed) {
                Line line = lines.remove(path);
                if (line != null && !line.steps.isEmpty()) {
                    line.goneCommit = at.id();
                    line.goneAt = at.committedAt();
                    line.gonePath = path;
                    ended.add(line);
                }
            }
            Set<String> affected = new LinkedHashSet<>();
            for (String path : changed) {
                if (isModelFile(path) && tree.containsKey(path)) {
                    affected.add(path);
                }
                for (String dependent : dependents.getOrDefault(path, Set.of())) {
                    if (tree.containsKey(dependent)) {
                        affected.add(dependent);
                    }
                }
            }
            for (String path : affected) {
                price(path, at);
            }
        }

        private void put(String path, ObjectId blob, boolean symlink) {
            parsed.remove(path);
            unreadable.remove(path);
            if (blob == null) {
                tree.remove(path);
            } else if (path.endsWith(".toml") || symlink) {
                tree.put(path, new Blob(blob, symlink));
            }
        }

        /** Reads one provider model file as it is now and records a step of its line when its prices changed. */
        private void price(String path, UpstreamCommit at) throws IOException {
            Set<String> reads = new HashSet<>();
            ObjectNode raw = follow(path, reads);
            record(path, reads);
            if (raw == null) {
                return;
            }
            filesResolved++;
            String[] ids = providerAndModel(path);
            Inheritance.Resolved resolved = Inheritance.resolve(raw, lookup(reads), tally::skip);
            record(path, reads);
            Offering offering = new Offering(ids[0], ids[1], resolved.data(), resolved.baseModel(), resolved.via(),
                    TomlNodes.text(raw, "name") != null);
            Candidate candidate = new Candidate(offering, MatchKeys.of(ids[0], ids[1]).tags());
            RouteEntry entry = RouteAssembler.build("?", candidate, at.urlOf(path), at.day(), null, tally);
            List<Object> prices = prices(entry);
            Line line = lines.get(path);
            if (line == null) {
                line = revived(path);
                lines.put(path, line);
            }
            if (Objects.equals(prices, line.lastPrices) || (line.lastPrices == null && allAbsent(entry))) {
                line.lastEntry = entry;
                return;
            }
            line.lastPrices = prices;
            line.lastEntry = entry;
            line.steps.add(new Step(at.committedAt(), HistoryBundle.APPLIED, at.id(), path, entry));
        }

        /** A line that ended at this path before and starts again, with its withdrawal in between; or a new one. */
        private Line revived(String path) {
            for (int i = ended.size() - 1; i >= 0; i--) {
                Line old = ended.get(i);
                if (old.gonePath.equals(path)) {
                    ended.remove(i);
                    old.steps.add(new Step(old.goneAt, HistoryBundle.WITHDRAWN, old.goneCommit, path, old.lastEntry));
                    old.lastPrices = null;
                    old.path = path;
                    return old;
                }
            }
            return new Line(path);
        }

        private Inheritance.Lookup lookup(Set<String> reads) {
            return new Inheritance.Lookup() {
                @Override
                public ObjectNode metadata(String fullId) {
                    return follow("models/" + fullId + ".toml", reads);
                }

                @Override
                public ObjectNode providerFile(String providerId, String modelId) {
                    return follow("providers/" + providerId + "/models/" + modelId + ".toml", reads);
                }
            };
        }

        /** The file at {@code path} with symlinks (real ones and one-line placeholders) followed, parsed; null when absent. */
        private ObjectNode follow(String path, Set<String> reads) {
            String current = path;
            for (int hops = 0; hops <= Inheritance.MAX_DEPTH; hops++) {
                reads.add(current);
                Blob blob = tree.get(current);
                if (blob == null) {
                    return null;
                }
                String target = blob.symlink() ? text(blob) : placeholderTarget(blob);
                if (target == null) {
                    return parse(current, blob);
                }
                current = normalize(current, target);
                if (current == null) {
                    return null;
                }
            }
            return null;
        }

        private ObjectNode parse(String path, Blob blob) {
            ObjectNode node = parsed.get(path);
            if (node != null || unreadable.contains(path)) {
                return node;
            }
            try {
                node = TomlNodes.parse(text(blob));
                parsed.put(path, node);
                return node;
            } catch (JacksonException e) {
                unreadable.add(path);
                tally.skip("unreadable TOML");
                return null;
            }
        }

        private String placeholderTarget(Blob blob) {
            try {
                if (repository.getObjectDatabase().open(blob.id()).getSize() > 512) {
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
            String text = text(blob).trim();
            return text.endsWith(".toml") && !text.contains("\n") && !text.contains("=") ? text : null;
        }

        private String text(Blob blob) {
            try {
                return new String(repository.open(blob.id()).getBytes(), StandardCharsets.UTF_8);
            } catch (MissingObjectException e) {
                throw new IllegalArgumentException("the repository is incomplete: blob " + blob.id().name() + " is missing", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Keeps which files {@code path} read, so a change to any of them reads it again. */
        private void record(String path, Set<String> reads) {
            Set<String> before = dependencies.put(path, Set.copyOf(reads));
            if (before != null) {
                before.forEach(read -> {
                    Set<String> of = dependents.get(read);
                    if (of != null) {
                        of.remove(path);
                    }
                });
            }
            reads.forEach(read -> dependents.computeIfAbsent(read, r -> new HashSet<>()).add(path));
        }

        Result result(UpstreamCommit last, long millis) {
            List<Step> steps = new ArrayList<>();
            int withHistory = 0;
            int changes = 0;
            int withdrawals = 0;
            int renames = 0;
            Set<String> taken = new HashSet<>();
            for (Line line : lines.values()) {
                RouteEntry route = routeByPath.get(line.path);
                if (route == null || line.steps.isEmpty() || !taken.add(route.modelId() + "/" + route.providerId())) {
                    continue;
                }
                int priced = add(steps, line, route.modelId(), route.providerId());
                withHistory += priced > 1 ? 1 : 0;
                changes += Math.max(0, priced - 1);
                renames += line.renames;
            }
            ended.sort(Comparator.comparing((Line l) -> l.goneAt).reversed());
            for (Line line : ended) {
                String[] ids = providerAndModel(line.gonePath);
                String modelId = withdrawnModel(ids[0], ids[1]);
                if (modelId == null || !MatchKeys.of(ids[0], ids[1]).tags().isEmpty()
                        || !taken.add(modelId + "/" + ids[0])) {
                    continue;
                }
                int priced = add(steps, line, modelId, ids[0]);
                steps.add(step(new Step(line.goneAt, HistoryBundle.WITHDRAWN, line.goneCommit, line.gonePath,
                        line.lastEntry), modelId, ids[0]));
                withdrawals++;
                withHistory += priced > 1 ? 1 : 0;
                changes += Math.max(0, priced - 1);
                renames += line.renames;
            }
            steps.sort(Comparator.comparing((Step s) -> s.route().modelId()).thenComparing(s -> s.route().providerId())
                    .thenComparing(Step::at));
            Figures figures = new Figures(commits, routeKeys.size(), withHistory, steps.size(), changes, withdrawals,
                    renames, filesResolved, millis, last);
            return new Result(new HistoryBundle("models.dev history (dev at " + last.id() + ", MIT License)", steps),
                    figures);
        }

        /** Adds the line's steps under the route's ids; answers how many of them put a price in force. */
        private static int add(List<Step> steps, Line line, String modelId, String providerId) {
            int priced = 0;
            for (Step step : line.steps) {
                steps.add(step(step, modelId, providerId));
                priced += step.kind().equals(HistoryBundle.APPLIED) ? 1 : 0;
            }
            return priced;
        }

        private static Step step(Step step, String modelId, String providerId) {
            RouteEntry e = step.route();
            return new Step(step.at(), step.kind(), step.commit(), step.path(), new RouteEntry(modelId, providerId,
                    e.inputPricePerMTok(), e.outputPricePerMTok(), e.cachedInputPricePerMTok(), e.cacheWritePricePerMTok(),
                    e.batchInputPricePerMTok(), e.batchOutputPricePerMTok(), e.contextTiers(), e.contextWindow(), e.region(),
                    e.status(), e.sourceUrl(), e.verifiedAt()));
        }

        /** The model of the last commit a removed file's name gives, when the provider no longer offers it. */
        private String withdrawnModel(String providerId, String modelId) {
            for (String guess : List.of(ModelsDevReader.slug(ModelsDevReader.lastSegment(modelId)),
                    MatchKeys.of(providerId, modelId).base())) {
                String canonical = canonicalIds.get(guess);
                if (canonical != null) {
                    return routeKeys.contains(canonical + "/" + providerId) ? null : canonical;
                }
            }
            return null;
        }
    }

    /** A rename is followed within one provider's files only: a similar file of another provider is another route. */
    private static boolean sameProvider(String oldPath, String newPath) {
        return isModelFile(oldPath) && isModelFile(newPath)
                && providerAndModel(oldPath)[0].equals(providerAndModel(newPath)[0]);
    }

    static boolean isModelFile(String path) {
        return path.startsWith("providers/") && path.endsWith(".toml") && path.indexOf("/models/") > 0;
    }

    /** {@code providers/<p>/models/<id>.toml} → {@code [p, id]}. */
    static String[] providerAndModel(String path) {
        int models = path.indexOf("/models/");
        return new String[] {path.substring("providers/".length(), models),
                path.substring(models + "/models/".length(), path.length() - ".toml".length())};
    }

    private static List<Object> prices(RouteEntry entry) {
        return java.util.Arrays.asList(entry.inputPricePerMTok(), entry.outputPricePerMTok(),
                entry.cachedInputPricePerMTok(), entry.cacheWritePricePerMTok(), entry.contextTiers());
    }

    private static boolean allAbsent(RouteEntry entry) {
        return entry.inputPricePerMTok() == null && entry.outputPricePerMTok() == null
                && entry.cachedInputPricePerMTok() == null && entry.cacheWritePricePerMTok() == null
                && entry.contextTiers().isEmpty();
    }

    /** A symlink's target relative to the link's folder, as a path inside the repository; null when it leaves it. */
    private static String normalize(String link, String target) {
        Path resolved = Path.of(link).getParent().resolve(target.trim()).normalize();
        String text = resolved.toString().replace('\\', '/');
        return text.startsWith("..") || resolved.isAbsolute() ? null : text;
    }
}
