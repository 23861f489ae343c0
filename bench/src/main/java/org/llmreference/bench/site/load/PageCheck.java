package org.llmreference.bench.site.load;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;

import org.llmreference.bench.site.LivePair;
import org.llmreference.bench.site.NoAnswer;
import org.llmreference.bench.site.Parallel;
import org.llmreference.bench.site.Site;

/**
 * The full check that every live pair's page is servable with its current revision: comparison-service
 * answers the pair's comparison with {@code ETag: "<revision>"}, and page-service answers 200 for
 * {@code /compare/{pair}} with {@code ETag: "<revision>-<hash>"} of that same revision. HEAD requests:
 * the check needs the headers only.
 */
final class PageCheck {

    private static final int THREADS = 8;

    private final Site site;

    PageCheck(Site site) {
        this.site = site;
    }

    /** What is not right yet, one line per pair ("pair: why"); empty when every page is current. */
    List<String> problems(List<LivePair> pairs) {
        return Parallel.map(pairs, THREADS, this::problem).stream().filter(Objects::nonNull).toList();
    }

    private String problem(LivePair pair) {
        try {
            return revisionProblem(pair);
        } catch (NoAnswer busy) {
            return pair.pairId() + ": " + busy.getMessage();
        }
    }

    private String revisionProblem(LivePair pair) {
        HttpResponse<String> comparison = site.comparisonHead(pair.pairId());
        if (comparison.statusCode() != 200) {
            return pair.pairId() + ": comparison-service answers " + comparison.statusCode();
        }
        String revision = unquoted(comparison.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> page = site.pageHead(pair.pairId());
        if (page.statusCode() != 200) {
            return pair.pairId() + ": page-service answers " + page.statusCode();
        }
        String pageTag = unquoted(page.headers().firstValue("ETag").orElse(""));
        if (!pageTag.startsWith(revision + "-")) {
            return pair.pairId() + ": page ETag " + pageTag + ", comparison revision " + revision;
        }
        return null;
    }

    private static String unquoted(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        return tag.replace("\"", "");
    }
}
