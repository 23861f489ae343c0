package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;

/**
 * The cost calculator and the route tables in a real browser, on the demo catalog: for three
 * workloads, the figures calculator.js computes as the visitor types are exactly those the server
 * renders for the same workload with JavaScript off; the route tables list every route of both
 * models, the cheapest marked. Screenshots at 1280 and 375 px go to {@code target/screenshots}.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostCalculatorIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    static final String PAIR = "gpt-oss-120b-vs-gpt-oss-20b";
    static final List<String> FIELDS = List.of("requests", "input", "output", "cached", "long", "batch");
    /** Three workloads: cache reads; requests too long for every route's context; a little of everything, all batch. */
    static final List<List<String>> WORKLOADS = List.of(
            List.of("250000", "2000", "500", "30", "0", "0"),
            List.of("5000000", "150000", "1000", "0", "20", "50"),
            List.of("42", "777", "333", "12.5", "5", "100"));

    Site site;
    String base;

    @BeforeAll
    void startTheSiteWithTheDemoCatalog(TestInfrastructure infrastructure) throws Exception {
        HeadlessChromium.assumeInstalled();
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("calculator-import.log");
        base = "http://127.0.0.1:" + site.page.port();
        await().atMost(WAIT).until(() -> Api.onPort(site.page.port()).get("/compare/" + PAIR).send().statusCode() == 200
                && Api.onPort(site.page.port()).get("/models/gpt-oss-20b").send().statusCode() == 200);
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theCalculatorGivesTheSameFiguresWithJavaScriptOnAndOff() {
        ChromeDriver scripted = HeadlessChromium.start(true);
        ChromeDriver plain = HeadlessChromium.start(false);
        try {
            for (List<String> workload : WORKLOADS) {
                for (String page : List.of("/compare/" + PAIR, "/models/gpt-oss-20b")) {
                    StringBuilder query = new StringBuilder();
                    for (int i = 0; i < FIELDS.size(); i++) {
                        query.append(i == 0 ? "?" : "&").append(FIELDS.get(i)).append('=').append(workload.get(i));
                    }
                    plain.get(base + page + query);
                    List<String> server = figures(plain);
                    assertThat(plain.findElement(By.cssSelector("meta[name=robots]")).getDomAttribute("content"))
                            .isEqualTo("noindex");

                    scripted.get(base + page);
                    List<String> before = figures(scripted);
                    for (int i = 0; i < FIELDS.size(); i++) {
                        WebElement input = scripted.findElement(By.id("calc-" + FIELDS.get(i)));
                        input.clear();
                        input.sendKeys(workload.get(i));
                    }
                    await().atMost(Duration.ofSeconds(30)).until(() -> figures(scripted).get(0).equals(server.get(0)));

                    assertThat(figures(scripted)).as("%s at %s", page, workload).isEqualTo(server);
                    assertThat(server).as("the workload changed the figures").isNotEqualTo(before);
                }
            }
        } finally {
            scripted.quit();
            plain.quit();
        }
    }

    @Test
    void aWrongValueGives400WithItsMessageAndTheScriptIsServedUnderThePagesPolicy() throws Exception {
        Api api = Api.onPort(site.page.port());

        HttpResponse<String> wrong = api.get("/compare/" + PAIR + "?requests=lots&input=800&output=250&cached=0&long=0"
                + "&batch=0").send();
        HttpResponse<String> page = api.get("/compare/" + PAIR).send();
        HttpResponse<String> script = api.get("/calculator.js").send();

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Enter a whole number from 0 to 1,000,000,000,000.")
                .contains("<meta name=\"robots\" content=\"noindex\">").contains("value=\"lots\"");
        assertThat(wrong.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(10 * 1024);
    }

    @Test
    void theRouteTablesShowEveryRouteOfBothModelsWithTheCheapestMarked() throws Exception {
        Api pricing = Api.onPort(site.pricing.port());
        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            browser.get(base + "/compare/" + PAIR);
            List<String> models = List.of("gpt-oss-120b", "gpt-oss-20b");
            for (int m = 0; m < models.size(); m++) {
                JsonNode routes = Site.JSON.readTree(pricing.get("/api/models/" + models.get(m) + "/routes").send().body())
                        .get("routes");
                List<String> providers = new ArrayList<>();
                routes.forEach(route -> providers.add(route.get("providerName").asString()));
                List<WebElement> rows = browser.findElements(By.cssSelector("table[data-calc-routes='" + m + "'] tbody tr"));
                assertThat(rows.stream().map(row -> text(row.findElement(By.tagName("th")))).toList())
                        .containsExactlyInAnyOrderElementsOf(providers);
                assertThat(rows.get(0).getDomAttribute("class")).isEqualTo("cheapest");
                assertThat(text(rows.get(0).findElement(By.cssSelector("[data-calc-route-state]")))).isEqualTo("Cheapest");
                assertThat(browser.findElements(By.cssSelector("table[data-calc-routes='" + m + "'] tr.cheapest"))).hasSize(1);
            }

            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            for (String page : List.of("/compare/" + PAIR, "/models/gpt-oss-20b")) {
                for (int width : new int[] {1280, 375}) {
                    browser.manage().window().setSize(new Dimension(width, 900));
                    browser.get(base + page);
                    long height = (Long) ((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.scrollHeight");
                    long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    Object widest = overflow <= 0 ? "" : ((JavascriptExecutor) browser).executeScript("""
                            const w = document.documentElement.clientWidth;
                            return [...document.querySelectorAll('body *')]
                                .filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.parentElement.closest('.scroll'))
                                .slice(0, 8)
                                .map(e => e.tagName + '.' + e.className + '#' + e.id + ' right=' + Math.round(e.getBoundingClientRect().right)
                                    + ' in ' + e.parentElement.tagName + '.' + e.parentElement.className)
                                .join('; ');""");
                    assertThat(overflow).as("sideways scroll of %s at %d px: %s", page, width, widest)
                            .isLessThanOrEqualTo(0);
                    browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 100, 12_000)));
                    String name = (page.startsWith("/compare/") ? "comparison" : "model") + "-" + width + ".png";
                    Files.write(screenshots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
                }
            }
        } finally {
            browser.quit();
        }
    }

    /**
     * Every figure the calculator shows, as text, in page order: the traffic sentence, each model's
     * cost, note and prices, the delta, the curve rows, and each route row's provider, cost and fit.
     */
    static List<String> figures(WebDriver browser) {
        List<String> figures = new ArrayList<>();
        figures.add(text(browser.findElement(By.cssSelector("[data-calc-traffic]"))));
        for (WebElement model : browser.findElements(By.cssSelector("[data-calc-model]"))) {
            for (WebElement part : model.findElements(By.cssSelector("[data-calc-amount], [data-calc-note], [data-calc-prices]"))) {
                figures.add(text(part));
            }
        }
        browser.findElements(By.cssSelector("[data-calc-delta]")).forEach(delta -> figures.add(text(delta)));
        for (WebElement row : browser.findElements(By.cssSelector("[data-calc-curve] tr"))) {
            figures.add(String.join(" | ", row.findElements(By.cssSelector("th, td")).stream().map(CostCalculatorIT::text)
                    .toList()));
        }
        for (WebElement row : browser.findElements(By.cssSelector("table[data-calc-routes] tbody tr"))) {
            String mark = row.getDomAttribute("class");
            figures.add(text(row.findElement(By.tagName("th"))) + " | "
                    + text(row.findElement(By.cssSelector("[data-calc-route-cost]"))) + " | "
                    + text(row.findElement(By.cssSelector("[data-calc-route-state]"))) + " | " + (mark == null ? "" : mark));
        }
        return figures;
    }

    /** An element's text whether or not it is scrolled into view. */
    private static String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text.strip();
    }
}
