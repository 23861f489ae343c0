package org.llmreference.importing.sync;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code sync [options] <models.dev checkout | api.json URL>}: one run, or one run every interval
 * ({@code --watch}, {@code --every}). Run {@code java -cp importing/target/importer.jar
 * org.llmreference.importing.sync.SyncCommand --help} for the options and exit codes.
 */
public final class SyncCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private SyncCommand() {
    }

    public static void main(String[] args) {
        // JGit logs through SLF4J, and the command has no logging backend: keep SLF4J's "no providers" notice quiet.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, System.out, System.err, System.getenv(), Clock.systemUTC()));
    }

    /** Everything {@link #main} does except exiting, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        SyncOptions options;
        try {
            options = SyncOptions.parse(args, env);
        } catch (SyncOptions.BadArguments e) {
            err.println("sync: " + e.getMessage());
            err.println("Try --help.");
            return BAD_INPUT;
        }
        if (options.help()) {
            out.print(SyncOptions.USAGE);
            return OK;
        }
        UpstreamSync sync = new UpstreamSync(new PricingApi(options.pricing(), options.token()), options.parallel(),
                options.maxWithdrawals());
        if (options.every() == null) {
            return once(options, sync, out, err, clock, null).code();
        }
        out.printf("sync: every %s; Ctrl-C stops%n", human(options.every()));
        String lastCommit = null;
        while (true) {
            Instant next = clock.instant().plus(options.every());
            Run run = once(options, sync, out, err, clock, lastCommit);
            if (run.commit() != null) {
                lastCommit = run.commit();
            }
            try {
                long wait = Duration.between(clock.instant(), next).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OK;
            }
        }
    }

    /** A run's exit code and, for a checkout, the commit it synced. */
    record Run(int code, String commit) {
    }

    /**
     * @param skipCommit a checkout still at this commit was synced already: nothing to do
     */
    static Run once(SyncOptions options, UpstreamSync sync, PrintStream out, PrintStream err, Clock clock,
            String skipCommit) {
        long started = System.nanoTime();
        Consumer<String> progress = line -> { };
        Upstream upstream;
        try {
            upstream = options.url() != null ? ApiJsonSource.fetch(options.url(), clock, out::println)
                    : CheckoutSource.read(options.checkout(), options.commit(), progress);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("sync: " + e.getMessage() + "; nothing was changed");
            return new Run(BAD_INPUT, null);
        }
        if (skipCommit != null && skipCommit.equals(upstream.commit())) {
            out.printf("%s sync: upstream is still at %s; nothing to do%n", clock.instant(), upstream.describe());
            return new Run(OK, upstream.commit());
        }
        out.printf("%s sync: read %d models, %d routes from %s in %.1f s%n", clock.instant(),
                upstream.bundle().models().size(), upstream.bundle().routes().size(), upstream.describe(),
                (System.nanoTime() - started) / 1e9);
        try {
            UpstreamSync.Report report = sync.run(upstream, out::println);
            out.printf("sync: done in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, report);
            return new Run(OK, upstream.commit());
        } catch (PricingApi.Unavailable e) {
            err.println("sync: " + e.getMessage());
            return new Run(FAILED, null);
        }
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
