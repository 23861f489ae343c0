package org.llmreference.importing.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;

/**
 * The built-in demo catalog: gpt-oss-20b with its nine provider routes (OpenRouter the cheapest),
 * Qwen3.5-4B with none, and a dozen well-known models, written by hand from public model cards and
 * provider price pages ({@code demo-catalog.json} beside this class).
 */
public final class DemoCatalog {

    static final String RESOURCE = "demo-catalog.json";

    private DemoCatalog() {
    }

    public static CatalogBundle load() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return Bundles.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
