package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a visitor does beyond the precomputed pages, in a real browser on the demo catalog: picks two
 * models that are not neighbours in the pair graph with the front page's form (JavaScript off) and
 * gets a full comparison page computed on request; browses the model directory filtered by tool
 * use and sorted by cheapest output, and shares its address; follows three price edits of one route
 * in the price history chart and in "What changed". Pages of each kind are checked at 375 px for
 * sideways scrolling, and screenshots land in {@code target/screenshots}.
 *
 * <p>The site runs on the test broker other system tests share, which may add, edit or retire
 * models: each test asserts relationships between what it sees (order, membership, the edits it made
 * itself), never counts of the whole catalog.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorPagesIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    /** A model and its cheapest demo route (0.26 / 0.38), which no other system test edits. */
    static final String REPRICED = "deepseek-v3.2";
    static final String ROUTE = "deepinfra";
    /** Three edits, each below every other route of the model, so the route stays the cheapest: input, output. */
    static final List<List<String>> EDITS = List.of(List.of("0.25", "0.37"), List.of("0.24", "0.36"),
            List.of("0.23", "0.35"));
    /** Cells of a directory row after the model's name: vendor, context, input, output, capabilities, ... */
    static final int CHEAPEST_OUTPUT = 3;
    static final int CAPABILITIES = 4;
    private static final Pattern PRICE = Pattern.compile("^\\$(\\d+(?:\\.\\d+)?)$");

    Site site;
    String base;
    CatalogBundle demo;

    @BeforeAll
    void startTheSiteWithTheDemoCatalog(TestInfrastructure infrastructure) throws Exception {
        HeadlessChromium.assumeInstalled();
        demo = DemoCatalog.load();
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("visitor-pages-import.log");
        base = "http://127.0.0.1:" + site.page.port();
        site.awaitEveryPageServed(WAIT);
        // The pair graph is complete only once the import's events have travelled down the chain.
        site.awaitSettled(WAIT);
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void twoModelsThatAreNotNeighboursGiveAFullComparisonPageFromThePickerWithoutJavaScript() throws IOException {
        Set<String> graph = site.livePairs();
        PairId pair = notNeighbours(graph);
        String first = name(pair.b());
        String second = name(pair.a());

        ChromeDriver plain = HeadlessChromium.start(false);
        ChromeDriver scripted = HeadlessChromium.start(true);
        try {
            // the front page's picker as a visitor without JavaScript uses it: names typed, the form sent by GET
            plain.get(base + "/");
            plain.findElement(By.id("picker-a")).sendKeys(first);
            plain.findElement(By.id("picker-b")).sendKeys(second);
            plain.findElement(By.cssSelector("form.picker button[type=submit]")).click();
            // the click starts a navigation; wait for it rather than read the address mid-way
            await().atMost(Duration.ofSeconds(30)).until(() -> plain.getCurrentUrl().equals(base + "/compare/" + pair));

            assertThat(plain.findElement(By.tagName("h1")).getText()).contains(first).contains(second);
            assertThat(plain.findElement(By.cssSelector("meta[name=robots]")).getDomAttribute("content"))
                    .as("a pair outside the graph is not indexed").isEqualTo("noindex");
            assertThat(text(plain.findElement(By.cssSelector(".verdict-sentence")))).isNotBlank();
            List<WebElement> scorecard = plain.findElements(By.cssSelector("section[aria-labelledby=scorecard] tbody tr"));
            assertThat(scorecard).as("scorecard rows").isNotEmpty();
            for (WebElement row : scorecard) {
                assertThat(row.findElements(By.tagName("td")).stream().map(VisitorPagesIT::text))
                        .as("a scorecard row has a value for one side at least").anyMatch(cell -> !cell.isBlank()
                                && !cell.equals("-"));
            }
            assertThat(plain.findElements(By.cssSelector("form.calculator"))).as("the cost calculator").hasSize(1);
            for (int side = 0; side < 2; side++) {
                String model = side == 0 ? pair.a() : pair.b();
                List<String> providers = new ArrayList<>();
                Site.read(site.pricingApi(), "/api/models/" + model + "/routes").get("routes")
                        .forEach(route -> providers.add(route.get("providerName").asString()));
                List<WebElement> rows = plain.findElements(By.cssSelector("table[data-calc-routes='" + side + "'] tbody tr"));
                assertThat(rows.stream().map(row -> text(row.findElement(By.tagName("th")))).toList())
                        .as("every route of %s", model).containsExactlyInAnyOrderElementsOf(providers);
                assertThat(plain.findElements(By.cssSelector("table[data-calc-routes='" + side + "'] tr.cheapest")))
                        .hasSize(1);
            }
            assertThat(site.pageApi().get("/sitemap.xml").send().body()).doesNotContain(pair.toString());

            // the calculator on this page: the same figures with JavaScript on and off, for three workloads
            for (List<String> workload : CostCalculatorIT.WORKLOADS) {
                StringBuilder query = new StringBuilder();
                for (int i = 0; i < CostCalculatorIT.FIELDS.size(); i++) {
                    query.append(i == 0 ? "?" : "&").append(CostCalculatorIT.FIELDS.get(i)).append('=').append(workload.get(i));
                }
                plain.get(base + "/compare/" + pair + query);
                List<String> server = CostCalculatorIT.figures(plain);
                scripted.get(base + "/compare/" + pair);
                List<String> before = CostCalculatorIT.figures(scripted);
                for (int i = 0; i < CostCalculatorIT.FIELDS.size(); i++) {
                    WebElement input = scripted.findElement(By.id("calc-" + CostCalculatorIT.FIELDS.get(i)));
                    input.clear();
                    input.sendKeys(workload.get(i));
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> CostCalculatorIT.figures(scripted).get(0).equals(server.get(0)));
                assertThat(CostCalculatorIT.figures(scripted)).as("%s at %s", pair, workload).isEqualTo(server);
                assertThat(server).as("the workload changed the figures").isNotEqualTo(before);
            }

            assertNoSidewaysScroll(plain, "/compare/" + pair, "on-demand-comparison");
        } finally {
            plain.quit();
            scripted.quit();
        }
    }

    @Test
    void theDirectoryFilteredByToolUseAndSortedByCheapestOutputListsRowsInThatOrderAtAShareableAddress()
            throws IOException {
        ChromeDriver browser = HeadlessChromium.start(false);
        try {
            browser.get(base + "/models");
            Map<String, String> everyCapability = rows(browser);
            assertThat(everyCapability).as("the unfiltered directory lists a model without tool use")
                    .containsKey(name("qwen3.5-4b"));
            assertThat(everyCapability.get(name("qwen3.5-4b"))).doesNotContain("Tool use");

            // tool use is among the rarer filters, folded until the visitor opens them
            assertThat(browser.findElement(By.id("f-tool_use")).isDisplayed()).isFalse();
            browser.findElement(By.cssSelector(".directory-filters details.more-filters summary")).click();
            new Select(browser.findElement(By.id("f-tool_use"))).selectByValue("yes");
            new Select(browser.findElement(By.id("f-sort"))).selectByValue("output");
            new Select(browser.findElement(By.id("f-order"))).selectByValue("asc");
            browser.findElement(By.cssSelector(".directory-filters button[type=submit]")).click();

            await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().contains("/models?"));
            String shared = browser.getCurrentUrl();
            assertThat(shared).contains("/models?").contains("tool_use=yes").contains("sort=output").contains("order=asc");
            List<BigDecimal> outputs = outputPrices(browser);
            Map<String, String> toolUse = rows(browser);
            assertThat(toolUse).as("rows").hasSizeGreaterThanOrEqualTo(3).doesNotContainKey(name("qwen3.5-4b"));
            assertThat(toolUse.values()).as("every row has tool use").allMatch(capabilities -> capabilities.contains("Tool use"));
            assertAscendingThenUnpriced(outputs);

            // the shared address, opened by someone else, gives the same rows with the same choices in the form
            ChromeDriver other = HeadlessChromium.start(false);
            try {
                other.get(shared);
                assertThat(rows(other)).isEqualTo(toolUse);
                assertThat(outputPrices(other)).isEqualTo(outputs);
                assertThat(other.findElement(By.id("f-tool_use")).isDisplayed()).as("a filter that is set is not folded away")
                        .isTrue();
                assertThat(new Select(other.findElement(By.id("f-tool_use"))).getFirstSelectedOption().getDomAttribute("value"))
                        .isEqualTo("yes");
                assertThat(new Select(other.findElement(By.id("f-sort"))).getFirstSelectedOption().getDomAttribute("value"))
                        .isEqualTo("output");
                assertThat(other.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).startsWith("Cheapest output");
            } finally {
                other.quit();
            }

            assertNoSidewaysScroll(browser, "/models?tool_use=yes&sort=output&order=asc", "directory");
        } finally {
            browser.quit();
        }
    }

    @Test
    void threePriceEditsGiveAHistoryChartWithThreeStepsAndWhatChangedShowsOldAndNewPrices() throws IOException {
        String provider = Site.read(site.pricingApi(), "/api/models/" + REPRICED + "/routes/" + ROUTE).get("providerName")
                .asString();
        String pair = site.pairsOf(REPRICED).iterator().next();
        for (List<String> edit : EDITS) {
            HttpResponse<String> put = reprice(new BigDecimal(edit.get(0)), new BigDecimal(edit.get(1)));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            // one edit at a time reaches the pages, so each is a change of its own
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                String page = site.serve(pair).body();
                return page.contains("$" + edit.get(1)) && site.pageApi().get("/models/" + REPRICED).send().body()
                        .contains("$" + edit.get(1));
            });
        }
        String title = "Price of " + name(REPRICED) + " on " + provider + " over time";

        ChromeDriver browser = HeadlessChromium.start(false);
        try {
            for (String page : List.of("/models/" + REPRICED, "/compare/" + pair)) {
                browser.get(base + page);
                WebElement history = browser.findElements(By.cssSelector("div.price-history")).stream()
                        .filter(chart -> text(chart.findElement(By.tagName("h3"))).equals(title)).findFirst()
                        .orElseThrow(() -> new AssertionError("no chart titled \"" + title + "\" on " + page));

                List<List<String>> rows = history.findElements(By.cssSelector("tbody tr")).stream()
                        .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(VisitorPagesIT::text).toList())
                        .toList();
                assertThat(rows).as("the table behind the chart on %s", page).hasSizeGreaterThanOrEqualTo(4);
                List<List<String>> lastThree = rows.subList(rows.size() - 3, rows.size());
                for (int i = 0; i < EDITS.size(); i++) {
                    assertThat(lastThree.get(i).subList(1, 4)).as("step %d on %s", i + 1, page)
                            .containsExactly("$" + EDITS.get(i).get(0), "$" + EDITS.get(i).get(1), "editor");
                }
                assertThat(rows.get(rows.size() - 4).subList(1, 3)).as("the price before the edits on %s", page)
                        .doesNotContain("$" + EDITS.get(0).get(0), "$" + EDITS.get(0).get(1));

                List<Integer> levels = stepLevels(history.findElement(By.cssSelector("svg path.output")).getDomAttribute("d"));
                assertThat(levels).as("one step of the output line per dated price on %s", page).hasSize(rows.size());
                List<Integer> edited = levels.subList(levels.size() - 4, levels.size());
                for (int i = 1; i < edited.size(); i++) {
                    assertThat(edited.get(i)).as("each cut draws the line lower on %s: %s", page, edited)
                            .isGreaterThan(edited.get(i - 1));
                }
            }

            // "What changed" on the comparison page says each move with the old and the new price
            List<String> changes = browser.findElements(By.cssSelector("aside.changes li")).stream()
                    .map(VisitorPagesIT::text).toList();
            for (int i = 0; i < EDITS.size(); i++) {
                List<String> was = i == 0 ? List.of("0.26", "0.38") : EDITS.get(i - 1);
                List<String> now = EDITS.get(i);
                assertThat(changes).as("What changed").anySatisfy(change -> assertThat(change)
                        .contains(name(REPRICED) + ": " + provider + " input $" + was.get(0) + " → $" + now.get(0)
                                + " per 1M tokens")
                        .contains(provider + " output $" + was.get(1) + " → $" + now.get(1) + " per 1M tokens")
                        .contains("monthly cost $"));
            }

            assertNoSidewaysScroll(browser, "/models/" + REPRICED, "model-history");
        } finally {
            browser.quit();
        }
    }

    /** The first pair of live demo models (in id order) that the pair graph does not hold. */
    PairId notNeighbours(Set<String> graph) {
        Set<String> live = new TreeSet<>();
        graph.forEach(pair -> {
            PairId id = PairId.parse(pair);
            live.add(id.a());
            live.add(id.b());
        });
        List<String> ids = demo.models().stream().map(ModelSnapshot::id).filter(live::contains).sorted().toList();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                PairId pair = PairId.of(ids.get(i), ids.get(j));
                if (!graph.contains(pair.toString())) {
                    return pair;
                }
            }
        }
        throw new AssertionError("every two live demo models are neighbours: " + graph);
    }

    String name(String modelId) {
        return demo.models().stream().filter(model -> model.id().equals(modelId)).map(ModelSnapshot::name).findFirst()
                .orElseThrow();
    }

    HttpResponse<String> reprice(BigDecimal input, BigDecimal output) {
        JsonNode route = Site.read(site.pricingApi(), "/api/models/" + REPRICED + "/routes/" + ROUTE);
        ObjectNode body = Site.JSON.createObjectNode();
        body.put("inputPricePerMTok", input);
        body.put("outputPricePerMTok", output);
        body.put("contextWindow", route.get("contextWindow").asLong());
        body.put("status", "active");
        body.put("sourceUrl", route.get("sourceUrl").asString());
        body.put("verifiedAt", route.get("verifiedAt").asString());
        return site.pricingApi().put("/api/models/" + REPRICED + "/routes/" + ROUTE, body.toString()).as(Site.EDITOR_TOKEN)
                .send();
    }

    /** The directory's rows on the page: model name to its capabilities cell. */
    static Map<String, String> rows(WebDriver browser) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("table.directory tbody tr"))) {
            rows.put(text(row.findElement(By.tagName("th"))), text(row.findElements(By.tagName("td")).get(CAPABILITIES)));
        }
        return rows;
    }

    /** The cheapest output price of each row, in page order; null where the model has no priced route. */
    static List<BigDecimal> outputPrices(WebDriver browser) {
        List<BigDecimal> prices = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("table.directory tbody tr"))) {
            Matcher price = PRICE.matcher(text(row.findElements(By.tagName("td")).get(CHEAPEST_OUTPUT)));
            prices.add(price.matches() ? new BigDecimal(price.group(1)) : null);
        }
        return prices;
    }

    static void assertAscendingThenUnpriced(List<BigDecimal> prices) {
        assertThat(prices.get(0)).as("the first row has a price: %s", prices).isNotNull();
        boolean unpriced = false;
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i) == null) {
                unpriced = true;
                continue;
            }
            assertThat(unpriced).as("a priced row after an unpriced one: %s", prices).isFalse();
            assertThat(prices.get(i)).as("row %d of %s", i + 1, prices).isGreaterThanOrEqualTo(prices.get(i - 1));
        }
    }

    /** The y of each horizontal step of a step chart's path ({@code M x y L x y L x y L x y ...}), left to right. */
    static List<Integer> stepLevels(String path) {
        List<Integer> levels = new ArrayList<>();
        String[] points = path.trim().split("\\s*[ML]\\s*");
        for (int i = 1; i + 1 < points.length; i += 2) {
            String[] from = points[i].trim().split("\\s+");
            String[] to = points[i + 1].trim().split("\\s+");
            assertThat(to[1]).as("a step is horizontal: %s", path).isEqualTo(from[1]);
            levels.add(Integer.parseInt(from[1]));
        }
        return levels;
    }

    /** At 375 px the page does not scroll sideways; a full-height screenshot at 375 and 1280 px goes to target. */
    void assertNoSidewaysScroll(ChromeDriver browser, String page, String name) throws IOException {
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        for (int width : new int[] {375, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(base + page);
            long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
            long innerWidth = (Long) browser.executeScript("return window.innerWidth;");
            assertThat(scrollWidth).as("%s at %d px: page width %d, window %d", page, width, scrollWidth, innerWidth)
                    .isLessThanOrEqualTo(innerWidth);
            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 150, 12_000)));
            Files.write(screenshots.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** An element's text whether or not it is scrolled into view. */
    static String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
