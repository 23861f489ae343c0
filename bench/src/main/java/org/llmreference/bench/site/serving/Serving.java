package org.llmreference.bench.site.serving;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.LivePair;
import org.llmreference.bench.site.Parallel;
import org.llmreference.bench.site.Site;

/**
 * B3: the same pages served by page-service and by nginx from disk. It picks distinct live pages
 * (shuffled with the seed), saves each one's HTML as page-service serves it under
 * {@code <dir>/compare/<pair>}, starts nginx on that folder, checks nginx answers the same bytes, then
 * runs wrk with one Lua script cycling through the pages: a warm-up and a measured run against
 * page-service, then the same against nginx.
 */
public final class Serving {

    /** What B3 needs to run. */
    public record Settings(int pages, long seed, Duration duration, Duration warmUp, int threads, int connections,
            String wrk, String nginx, Path nginxTemplate, int nginxPort) {
    }

    private final Site site;
    private final Settings settings;
    private final Path dir;

    public Serving(Site site, Settings settings, Path dir) {
        this.site = site;
        this.settings = settings;
        this.dir = dir;
    }

    public ServingResult run() {
        Path docroot = dir.resolve("pages");
        Saved saved = save(shuffled(site.livePairs()), docroot);
        List<String> pairs = saved.pairs();
        List<String> paths = pairs.stream().map(pair -> "/compare/" + pair).toList();
        Path script = dir.resolve("pages.lua");
        write(script, Wrk.cyclingScript(paths));
        System.out.printf("[B3] %d pages saved under %s, %.1f KB on average%n", pairs.size(), docroot,
                saved.bytes() / 1024.0 / pairs.size());

        Wrk wrk = new Wrk(settings.wrk(), settings.threads(), settings.connections(), script);
        WrkResult pageWarmUp = wrk.run(site.urls().page(), settings.warmUp(), dir.resolve("wrk-page-service-warm-up.txt"));
        WrkResult pageService = wrk.run(site.urls().page(), settings.duration(), dir.resolve("wrk-page-service.txt"));
        try (Nginx nginx = Nginx.start(settings.nginx(), settings.nginxTemplate(), dir.resolve("nginx"), docroot,
                settings.nginxPort(), paths.get(0))) {
            requireSameBytes(nginx, pairs.get(0), docroot);
            WrkResult nginxWarmUp = wrk.run(nginx.url(), settings.warmUp(), dir.resolve("wrk-nginx-warm-up.txt"));
            WrkResult nginxResult = wrk.run(nginx.url(), settings.duration(), dir.resolve("wrk-nginx.txt"));
            return new ServingResult(pairs.size(), saved.notServed(), (double) saved.bytes() / pairs.size(), settings,
                    pageService, nginxResult, List.of(pageWarmUp, pageService, nginxWarmUp, nginxResult));
        }
    }

    /** The pages saved, their bytes in all, and how many live pairs page-service did not serve (skipped). */
    private record Saved(List<String> pairs, long bytes, int notServed) {
    }

    private List<String> shuffled(List<LivePair> live) {
        List<String> pairs = new ArrayList<>(live.stream().map(LivePair::pairId).toList());
        Collections.shuffle(pairs, new Random(settings.seed()));
        return pairs;
    }

    /**
     * Fetches pages in the shuffled order as page-service serves them (identity) and writes each where
     * nginx serves the same URL, until there are as many as asked; a live pair page-service does not
     * serve (not rendered yet) is skipped and counted.
     */
    private Saved save(List<String> candidates, Path docroot) {
        Path folder = docroot.resolve("compare");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot create " + folder + ": " + e.getMessage(), e);
        }
        List<String> saved = new ArrayList<>();
        long bytes = 0;
        int notServed = 0;
        int next = 0;
        while (saved.size() < settings.pages() && next < candidates.size()) {
            List<String> batch = candidates.subList(next, Math.min(candidates.size(), next + settings.pages() - saved.size()));
            next += batch.size();
            List<byte[]> pages = Parallel.map(batch, 4, pair -> {
                HttpResponse<String> page = site.page(pair, null);
                if (page.statusCode() == 404 || page.statusCode() == 410) {
                    return null;
                }
                if (page.statusCode() != 200) {
                    throw Site.unexpected(page);
                }
                return page.body().getBytes(StandardCharsets.UTF_8);
            });
            for (int i = 0; i < batch.size(); i++) {
                if (pages.get(i) == null) {
                    notServed++;
                    continue;
                }
                write(folder.resolve(batch.get(i)), pages.get(i));
                saved.add(batch.get(i));
                bytes += pages.get(i).length;
            }
        }
        if (saved.isEmpty()) {
            throw new BenchmarkFailure("B3 needs pages, and page-service serves none of the " + candidates.size() + " live pairs");
        }
        if (saved.size() < settings.pages()) {
            System.out.printf("[B3] only %d pages served, fewer than the %d asked for: using them all%n", saved.size(), settings.pages());
        }
        return new Saved(saved, bytes, notServed);
    }

    private void requireSameBytes(Nginx nginx, String pair, Path docroot) {
        HttpResponse<String> served = site.send(site.request(nginx.url(), "/compare/" + pair).GET().build());
        try {
            String saved = Files.readString(docroot.resolve("compare").resolve(pair));
            if (served.statusCode() != 200 || !served.body().equals(saved)) {
                throw new BenchmarkFailure("nginx does not serve /compare/" + pair + " as saved (status " + served.statusCode() + ")");
            }
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot read the saved page of " + pair + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
