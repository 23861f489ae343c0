package org.llmreference.importing.command;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.importing.modelsdev.ModelsDevHistory;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * {@code import [options] <path>|--demo}: reads a bundle, a models.dev checkout or the demo catalog
 * and uploads it to catalog-service and pricing-service ({@code --out} only converts). Run
 * {@code java -jar importing/target/importer.jar --help} for the options and exit codes.
 */
public final class ImportCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Everything {@link #main} does except exiting, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, env);
        } catch (ImportOptions.BadArguments e) {
            err.println("import: " + e.getMessage());
            err.println("Try --help.");
            return BAD_ARGUMENTS;
        }
        if (options.help()) {
            out.print(ImportOptions.USAGE);
            return OK;
        }
        if (options.history()) {
            return history(options, out, err);
        }
        long started = System.nanoTime();
        CatalogBundle bundle;
        try {
            bundle = readSource(options, err).withPairs(options.curate());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("import: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        out.printf("read %d models, %d routes, %d providers, %d aliases, %d curated pairs from %s%n",
                bundle.models().size(), bundle.routes().size(), bundle.providers().size(), bundle.aliases().size(),
                bundle.pairs().size(), bundle.source());
        if (options.out() != null) {
            Bundles.write(bundle, options.out());
            out.printf("wrote %s in %d ms%n", options.out(), elapsedMillis(started));
            return OK;
        }
        Uploader uploader = new Uploader(options, out);
        try {
            ImportProgress.Totals totals = uploader.upload(bundle);
            out.printf("done in %.1f s: %s%n", elapsedMillis(started) / 1000.0, totals);
            return OK;
        } catch (UploadFailed e) {
            err.println("import: " + e.getMessage());
            return FAILED;
        }
    }

    /** {@code --history}: the dated price steps of every route, read from the git history and uploaded (or written). */
    private static int history(ImportOptions options, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        ModelsDevHistory.Result result;
        try {
            result = ModelsDevHistory.read(options.source(), err::println);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("import: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        out.println(result.figures().summary());
        if (options.out() != null) {
            try {
                Files.write(options.out(), Bundles.mapper().writeValueAsBytes(result.history()));
            } catch (java.io.IOException e) {
                err.println("import: cannot write " + options.out() + ": " + e.getMessage());
                return FAILED;
            }
            out.printf("wrote %s in %d ms%n", options.out(), elapsedMillis(started));
            return OK;
        }
        try {
            ImportReport report = new HistoryUpload(new ImportClient(options), out).upload(result.history());
            out.printf("done in %.1f s: %d steps, %d recorded, %d already recorded, %d rejected%n",
                    elapsedMillis(started) / 1000.0, report.received(), report.created(), report.unchanged(),
                    report.rejected().size());
            return OK;
        } catch (UploadFailed e) {
            err.println("import: " + e.getMessage());
            return FAILED;
        }
    }

    private static CatalogBundle readSource(ImportOptions options, PrintStream progress) {
        if (options.demo()) {
            return DemoCatalog.load();
        }
        Path source = options.source();
        if (Files.isDirectory(source)) {
            if (!Files.isDirectory(source.resolve("providers"))) {
                throw new IllegalArgumentException(source + " is a folder but not a models.dev checkout (no providers/ in it)");
            }
            return new ModelsDevReader(options.dataDate()).read(source, progress::println);
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException(source + " does not exist");
        }
        return Bundles.read(source);
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
