package org.llmreference.page.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the site's pages to HTML strings with the precompiled templates. Thread-safe and pure:
 * the same view gives the same HTML. Every string that comes from the catalog or the price lists is
 * escaped by the templates; links are only ever made of {@code http}/{@code https} URLs and of our
 * own paths.
 *
 * <p>The templates in {@code src/main/jte} are compiled to classes of this package at build time
 * (jte-maven-plugin); nothing is parsed or compiled at run time. The one script, the cost
 * calculator's, is a static file; pages carry no inline script but JSON data.
 */
public final class PageRenderer {

    /** Where the one stylesheet is served. */
    public static final String STYLESHEET_PATH = "/site.css";

    /** The templates' package, as the jte-maven-plugin {@code packageName} of this module's pom. */
    private static final String TEMPLATE_PACKAGE = "org.llmreference.page.rendering";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            PageRenderer.class.getClassLoader(), TEMPLATE_PACKAGE);

    /** Where the cost calculator's script is served. */
    public static final String CALCULATOR_SCRIPT_PATH = CalculatorView.SCRIPT_PATH;

    private static final String STYLESHEET = read("site.css");
    private static final String CALCULATOR_SCRIPT = read("calculator.js");

    private final Site site;

    public PageRenderer(Site site) {
        this.site = Objects.requireNonNull(site, "site");
    }

    public Site site() {
        return site;
    }

    /** {@code /compare/{a}-vs-{b}}: every section of the comparison, in the reference page's order. */
    public String comparison(ComparisonPage page) {
        Objects.requireNonNull(page, "page");
        return render("comparison.jte", new ComparisonView(site, page), 32 * 1024);
    }

    /** {@code /models/{id}}. */
    public String model(ModelPage page) {
        Objects.requireNonNull(page, "page");
        return render("model.jte", new ModelView(site, page), 16 * 1024);
    }

    /** {@code /}. */
    public String index(IndexPage page) {
        Objects.requireNonNull(page, "page");
        return render("index.jte", new PageView<>(site, page), 16 * 1024);
    }

    /** {@code /compare?a=...&b=...}: the picker on its own, with what is wrong (400) or empty. */
    public String picker(PickerPage page) {
        Objects.requireNonNull(page, "page");
        return render("pickerPage.jte", new PageView<>(site, page), 4 * 1024 + 32 * page.suggestions().size());
    }

    /** {@code /models}: the model directory (or its form with messages, served with 400). */
    public String directory(DirectoryPage page) {
        Objects.requireNonNull(page, "page");
        return render("directory.jte", new DirectoryView(site, page), 48 * 1024);
    }

    /** A withdrawn pair, served with 410. */
    public String gone(GonePage page) {
        Objects.requireNonNull(page, "page");
        return render("gone.jte", new PageView<>(site, page), 4 * 1024);
    }

    /** Served with 404. */
    public String notFound(NotFoundPage page) {
        Objects.requireNonNull(page, "page");
        return render("notFound.jte", new PageView<>(site, page), 4 * 1024);
    }

    /** The site's one small stylesheet, served at {@value #STYLESHEET_PATH}. */
    public static String stylesheet() {
        return STYLESHEET;
    }

    /** The cost calculator's script (plain JavaScript, no build), served at {@value #CALCULATOR_SCRIPT_PATH}. */
    public static String calculatorScript() {
        return CALCULATOR_SCRIPT;
    }

    /** {@code /compare/{pairId}}, the id encoded as one path segment. */
    public static String comparePath(String pairId) {
        return Links.compare(Objects.requireNonNull(pairId, "pairId"));
    }

    /** {@code /models/{modelId}}, the id encoded as one path segment. */
    public static String modelPath(String modelId) {
        return Links.model(Objects.requireNonNull(modelId, "modelId"));
    }

    private static String render(String template, Object view, int sizeHint) {
        StringOutput output = new StringOutput(sizeHint);
        TEMPLATES.render(template, view, output);
        return output.toString();
    }

    private static String read(String resource) {
        try (InputStream in = PageRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the page-rendering jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
