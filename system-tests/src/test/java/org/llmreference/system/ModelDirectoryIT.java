package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The model directory in a browser, on the demo catalog: the visitor filters by tool use and sorts by
 * cheapest output with the form (no script involved), and the first rows are those the demo
 * catalog's facts give, worked out here from the catalog itself. Screenshots of the directory and
 * the front page land in {@code target/screenshots}.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelDirectoryIT {

    static final Duration WAIT = Duration.ofMinutes(3);

    Site site;
    CatalogBundle demo;

    @BeforeAll
    void startTheSiteWithTheDemoCatalog(TestInfrastructure infrastructure) throws Exception {
        demo = DemoCatalog.load();
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("model-directory-import.log");
        long live = demo.models().stream().filter(model -> model.status() != ModelStatus.RETIRED).count();
        await().atMost(WAIT).ignoreExceptions().until(() -> site.pageApi().get("/models").send().body()
                .contains(" of " + live + " models"));
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    /** The demo's live models with tool use, by cheapest active output price, unpriced last, then by name. */
    List<String> expectedNames() {
        return demo.models().stream()
                .filter(model -> model.status() != ModelStatus.RETIRED)
                .filter(model -> Boolean.TRUE.equals(model.capabilities().toolUse()))
                .sorted(Comparator.comparing(this::cheapestOutput, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(model -> model.name().toLowerCase(Locale.ROOT)).thenComparing(ModelSnapshot::id))
                .map(ModelSnapshot::name).toList();
    }

    BigDecimal cheapestOutput(ModelSnapshot model) {
        BigDecimal cheapest = null;
        for (RouteSnapshot route : demo.priceLists().getOrDefault(model.id(), List.of())) {
            BigDecimal output = route.terms().outputPricePerMTok();
            if (route.terms().status() == RouteStatus.ACTIVE && output != null
                    && (cheapest == null || output.compareTo(cheapest) < 0)) {
                cheapest = output;
            }
        }
        return cheapest;
    }

    @Test
    void aVisitorFiltersByToolUseAndSortsByCheapestOutput() throws Exception {
        HeadlessChromium.assumeInstalled();
        List<String> expected = expectedNames();
        assertThat(expected).as("the demo catalog has models with tool use").hasSizeGreaterThan(2);
        String base = "http://127.0.0.1:" + site.page.port();
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        ChromeDriver browser = HeadlessChromium.start(false);
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(base + "/");
            browser.findElement(By.linkText("Browse the model directory")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Model directory");

            new Select(browser.findElement(By.id("f-tool_use"))).selectByValue("yes");
            new Select(browser.findElement(By.id("f-sort"))).selectByValue("output");
            new Select(browser.findElement(By.id("f-order"))).selectByValue("asc");
            browser.findElement(By.cssSelector(".directory-filters button[type=submit]")).click();

            // a GET form sends every field, the empty and "any" ones too
            assertThat(browser.getCurrentUrl()).contains("/models?").contains("&tool_use=yes&")
                    .contains("&sort=output&order=asc");
            List<String> shown = browser.findElements(By.cssSelector("table.directory tbody th a")).stream()
                    .map(WebElement::getText).toList();
            assertThat(shown).startsWith(expected.subList(0, 3).toArray(String[]::new));
            assertThat(shown).hasSize(Math.min(50, expected.size()));
            assertThat(browser.findElement(By.id("range")).getText()).contains("of " + expected.size() + " models");

            // the column header flips the order; the first row then is the dearest priced model
            browser.findElement(By.cssSelector("th[aria-sort=ascending] a")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/models?tool_use=yes&sort=output&order=desc");
            String dearest = expected.stream().filter(name -> demo.models().stream()
                    .filter(model -> model.name().equals(name)).map(this::cheapestOutput).anyMatch(Objects::nonNull))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(browser.findElement(By.cssSelector("table.directory tbody th a")).getText()).isEqualTo(dearest);

            // a row leads to its model page
            browser.findElement(By.cssSelector("table.directory tbody th a")).click();
            assertThat(browser.getCurrentUrl()).contains("/models/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains(dearest);

            // an invalid parameter answers with the form and the message next to its field
            browser.get(base + "/models?min_context=lots");
            assertThat(browser.findElement(By.id("f-min_context-error")).getText()).contains("whole number");

            for (int width : new int[] {1280, 375}) {
                for (String[] page : new String[][] {{"directory", "/models?tool_use=yes&sort=output&order=asc"},
                        {"front", "/"}}) {
                    browser.manage().window().setSize(new Dimension(width, 900));
                    browser.get(base + page[1]);
                    long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
                    long innerWidth = (Long) browser.executeScript("return window.innerWidth;");
                    assertThat(scrollWidth).as("%s at %d px", page[1], width).isLessThanOrEqualTo(innerWidth);
                    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
                    browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 150, 9000)));
                    Files.write(screenshots.resolve(page[0] + "-" + width + ".png"),
                            browser.getScreenshotAs(OutputType.BYTES));
                }
            }
        } finally {
            browser.quit();
        }
    }
}
