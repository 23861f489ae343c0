package org.llmreference.importing.command;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of {@code import}.
 *
 * @param source   a {@code .json} bundle or a models.dev checkout, or null with {@code demo}
 * @param out      when set, only convert the source to a bundle file (no HTTP)
 * @param dataDate date of the models.dev data, written as reviewedAt/verifiedAt (optional)
 * @param curate   pairs to add to the bundle's curated pairs
 * @param history  read the dated price history of a models.dev git repository instead of its last state
 */
record ImportOptions(Path source, boolean demo, URI catalog, URI pricing, URI comparison, String token, int chunk,
        Duration waitForModels, Path out, LocalDate dataDate, List<String> curate, boolean help, boolean history) {

    /** The options without {@code --history}. */
    ImportOptions(Path source, boolean demo, URI catalog, URI pricing, URI comparison, String token, int chunk,
            Duration waitForModels, Path out, LocalDate dataDate, List<String> curate, boolean help) {
        this(source, demo, catalog, pricing, comparison, token, chunk, waitForModels, out, dataDate, curate, help, false);
    }

    static final String USAGE = """
            Usage: import [options] <bundle.json[.gz] | models.dev checkout> | --demo
                   import --history [options] <models.dev git checkout | models.dev .bundle>

            Reads a catalog bundle (our JSON, plain or gzip), a models.dev checkout (folder with
            providers/) or the built-in demo catalog, then uploads the models to catalog-service and
            the providers and routes to pricing-service, in chunks: the routes of each chunk of models
            go to pricing-service as soon as catalog-service has taken the models, all routes of a
            model in one request. Last, the bundle's curated pairs go to comparison-service.

            Options:
              --catalog URL              catalog-service base URL (default http://localhost:8081)
              --pricing URL              pricing-service base URL (default http://localhost:8082)
              --comparison URL           comparison-service base URL (default http://localhost:8083)
              --token TOKEN              editor token (default: environment variable LLMREF_EDITOR_TOKEN)
              --chunk N                  models, or routes, per request (default 500; a model with more
                                         routes sends them all at once)
              --wait-for-models SECONDS  how long pricing-service waits for the models to reach it (default 60)
              --data-date YYYY-MM-DD     date of a models.dev snapshot, recorded as reviewed/verified date
              --curate A-vs-B            add a curated pair to the bundle (repeatable): it gets a page
                                         even if the pair graph would not pick it
              --out FILE                 only convert the source to a bundle file and write it; no upload
                                         (gzip-compressed when FILE ends in .gz)
              --history                  read every dated price change of every route from the git history of
                                         models.dev's dev branch and add it to the routes' history in
                                         pricing-service (POST /api/import/history; import the routes first).
                                         Adds history only: the routes in force stay as they are; running it
                                         twice adds nothing. With --out, writes the history as JSON instead
              --help                     this text

            Exit codes: 0 done (items the services rejected are listed and counted, but still exit 0),
            1 a service failed or could not be reached, 2 bad arguments or unreadable source.
            """;

    /** Thrown for a command line that cannot be run; the message says why. */
    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message);
        }
    }

    static ImportOptions parse(String[] args, Map<String, String> env) {
        Path source = null;
        boolean demo = false;
        URI catalog = URI.create("http://localhost:8081");
        URI pricing = URI.create("http://localhost:8082");
        URI comparison = URI.create("http://localhost:8083");
        List<String> curate = new ArrayList<>();
        String token = env.get("LLMREF_EDITOR_TOKEN");
        int chunk = 500;
        Duration wait = Duration.ofSeconds(60);
        Path out = null;
        LocalDate dataDate = null;
        boolean help = false;
        boolean history = false;
        int i = 0;
        if (args.length > 0 && args[0].equals("import")) {
            i = 1;
        }
        for (; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--demo" -> demo = true;
                case "--history" -> history = true;
                case "--catalog" -> catalog = url(arg, value(args, ++i, arg));
                case "--pricing" -> pricing = url(arg, value(args, ++i, arg));
                case "--comparison" -> comparison = url(arg, value(args, ++i, arg));
                case "--curate" -> curate.add(pair(arg, value(args, ++i, arg)));
                case "--token" -> token = value(args, ++i, arg);
                case "--chunk" -> chunk = positive(arg, value(args, ++i, arg));
                case "--wait-for-models" -> wait = Duration.ofSeconds(nonNegative(arg, value(args, ++i, arg)));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--data-date" -> dataDate = date(arg, value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new BadArguments("unknown option " + arg);
                    }
                    if (source != null) {
                        throw new BadArguments("only one source please: got " + source + " and " + arg);
                    }
                    source = Path.of(arg);
                }
            }
        }
        if (help) {
            return new ImportOptions(source, demo, catalog, pricing, comparison, token, chunk, wait, out, dataDate,
                    List.copyOf(curate), true, history);
        }
        if (history && demo) {
            throw new BadArguments("--history reads a models.dev git repository, not the demo catalog");
        }
        if (demo == (source != null)) {
            throw new BadArguments(demo ? "give either a source path or --demo, not both"
                    : "missing source: a .json bundle, a models.dev checkout, or --demo");
        }
        if (out == null && (token == null || token.isBlank())) {
            throw new BadArguments("missing editor token: pass --token TOKEN or set LLMREF_EDITOR_TOKEN");
        }
        return new ImportOptions(source, demo, catalog, pricing, comparison, token, chunk, wait, out, dataDate,
                List.copyOf(curate), false, history);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new BadArguments(option + " needs a value");
        }
        return args[index];
    }

    private static URI url(String option, String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadArguments(option + " must be an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadArguments(option + " must be an http(s) URL, got '" + value + "'");
        }
    }

    private static String pair(String option, String value) {
        if (!value.matches("[a-z0-9][a-z0-9.-]*-vs-[a-z0-9][a-z0-9.-]*")) {
            throw new BadArguments(option + " must be two model ids joined by -vs-, got '" + value + "'");
        }
        return value;
    }

    private static int positive(String option, String value) {
        int n = nonNegative(option, value);
        if (n == 0) {
            throw new BadArguments(option + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new BadArguments(option + " must not be negative, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadArguments(option + " must be a whole number, got '" + value + "'");
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadArguments(option + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
