package org.llmreference.importing.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed command line of {@code sync}.
 *
 * @param checkout a models.dev checkout, or null when {@code url} is given
 * @param url      the URL of models.dev's api.json, or null for a checkout
 * @param every    how long to wait between runs; null: run once
 * @param commit   the upstream commit of a checkout that is not a git repository
 * @param maxWithdrawals the most routes one run may withdraw; null: {@link UpstreamSync#withdrawalLimit}
 */
record SyncOptions(Path checkout, URI url, Duration every, String commit, URI pricing, String token, int parallel,
        Integer maxWithdrawals, boolean help) {

    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    static final String USAGE = """
            Usage: sync [options] <models.dev checkout | http(s) URL of models.dev's api.json>

            Compares upstream prices with the routes in force in pricing-service and makes each upstream
            change an ordinary change through the editor API, as the automation identity: every put carries
            its provenance (the checkout's commit, or the api.json URL and the fetch time). A term an editor
            changed after the last upstream value is never overwritten: pricing-service keeps ours and lists
            a conflict (GET /api/sync/conflicts), and this command prints one 'conflict' line for it.
            Models we do not have are counted, not created (./llmref import adds them).
            A route that came from upstream and is no longer listed there (its file deleted) is withdrawn,
            unless an editor changed it since: then it stays, with a conflict. When upstream lacks more
            routes than --max-withdrawals (a broken or partial source, say), nothing is withdrawn.

            Options:
              --watch                    keep running, once every 10 minutes
              --every DURATION           keep running, once every DURATION (30s, 10m, 1h or ISO-8601 PT10M)
              --commit ID                the upstream commit of a checkout that is not a git repository
              --pricing URL              pricing-service base URL (default http://localhost:8082)
              --token TOKEN              editor token (default: environment variable LLMREF_EDITOR_TOKEN)
              --parallel N               models compared at once (default 4)
              --max-withdrawals N        the most routes one run may withdraw (default: 5% of the routes
                                         compared, at least 10); 0 withdraws none
              --help                     this text

            Exit codes (a single run): 0 done (conflicts and refused routes are listed, still 0), 1 pricing-service
            failed or could not be reached, 2 bad arguments or an unreadable upstream (not a models.dev tree, an
            api.json with wrong types, an unreachable URL). With --watch or --every a failed run is reported and the
            next run comes at its time; only bad arguments stop it.
            """;

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(s|m|h)");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message);
        }
    }

    static SyncOptions parse(String[] args, Map<String, String> env) {
        Path checkout = null;
        URI url = null;
        Duration every = null;
        String commit = null;
        URI pricing = URI.create("http://localhost:8082");
        String token = env.get("LLMREF_EDITOR_TOKEN");
        int parallel = 4;
        Integer maxWithdrawals = null;
        boolean help = false;
        String source = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--watch" -> every = every == null ? DEFAULT_INTERVAL : every;
                case "--every" -> every = duration(value(args, ++i, arg));
                case "--commit" -> commit = commit(value(args, ++i, arg));
                case "--pricing" -> pricing = httpUrl(arg, value(args, ++i, arg));
                case "--token" -> token = value(args, ++i, arg);
                case "--parallel" -> parallel = parallel(value(args, ++i, arg));
                case "--max-withdrawals" -> maxWithdrawals = maxWithdrawals(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new BadArguments("unknown option " + arg);
                    }
                    if (source != null) {
                        throw new BadArguments("only one upstream please: got " + source + " and " + arg);
                    }
                    source = arg;
                }
            }
        }
        if (help) {
            return new SyncOptions(null, null, every, commit, pricing, token, parallel, maxWithdrawals, true);
        }
        if (source == null) {
            throw new BadArguments("missing upstream: a models.dev checkout or the http(s) URL of an api.json");
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            url = httpUrl("the upstream", source);
            if (commit != null) {
                throw new BadArguments("--commit names a checkout's commit; an api.json is identified by its URL");
            }
        } else if (source.contains("://")) {
            throw new BadArguments("the upstream must be a folder or an http(s) URL, not '" + source + "'");
        } else {
            checkout = Path.of(source);
        }
        if (token == null || token.isBlank()) {
            throw new BadArguments("missing editor token: pass --token TOKEN or set LLMREF_EDITOR_TOKEN");
        }
        return new SyncOptions(checkout, url, every, commit, pricing, token, parallel, maxWithdrawals, false);
    }

    static Duration duration(String value) {
        Matcher shortForm = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        Duration duration;
        if (shortForm.matches()) {
            long n = Long.parseLong(shortForm.group(1));
            duration = switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadArguments("--every needs a duration such as 30s, 10m, 1h or PT10M, got '" + value + "'");
            }
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new BadArguments("--every must be at least 1 second, got '" + value + "'");
        }
        return duration;
    }

    private static String commit(String value) {
        if (!COMMIT.matcher(value).matches()) {
            throw new BadArguments("--commit needs a git commit id (7 to 64 lowercase hex digits), got '" + value + "'");
        }
        return value;
    }

    private static int parallel(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 32) {
                throw new BadArguments("--parallel must be between 1 and 32, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadArguments("--parallel must be a whole number, got '" + value + "'");
        }
    }

    private static int maxWithdrawals(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new BadArguments("--max-withdrawals must be 0 or more, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadArguments("--max-withdrawals must be a whole number, got '" + value + "'");
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new BadArguments(option + " needs a value");
        }
        return args[index];
    }

    private static URI httpUrl(String what, String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadArguments(what + " must be an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadArguments(what + " must be an http(s) URL, got '" + value + "'");
        }
    }
}
