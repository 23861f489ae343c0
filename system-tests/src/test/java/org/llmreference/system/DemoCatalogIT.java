package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the run command does on a first start, with real processes: the import command loads the
 * built-in demo catalog into catalog-service and pricing-service over their editor APIs (pricing
 * waits until it has learnt the new model ids from Kafka), importing it again changes nothing,
 * comparison-service computes the reference pair from the events, and page-service serves it to a
 * visitor in a real headless Chromium. (That an editor's price change republishes exactly the
 * comparisons of the repriced model is RecomputingComparisonsTest's; that it reaches the page,
 * EditToPageIT's.)
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCatalogIT {

    static final JsonMapper JSON = Site.JSON;
    static final Duration WAIT = Duration.ofMinutes(3);

    Site site;
    ServiceProcess catalog;
    ServiceProcess pricing;
    ServiceProcess comparison;
    ServiceProcess page;
    String kafka;

    @BeforeAll
    void startTheServices(TestInfrastructure infrastructure) {
        kafka = infrastructure.kafkaBootstrapServers();
        site = Site.start(kafka, infrastructure.mongoUri());
        catalog = site.catalog;
        pricing = site.pricing;
        comparison = site.comparison;
        page = site.page;
    }

    @AfterAll
    void stopTheServices() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void theImportCommandLoadsTheDemoCatalogAndAReimportChangesNothing() throws Exception {
        {
            Api catalogApi = Api.onPort(catalog.port());
            Api pricingApi = Api.onPort(pricing.port());

            String first = site.importDemo("first-import.log");

            assertThat(first).contains("done in").contains("0 rejected").doesNotContainPattern("rejected [1-9]");
            JsonNode gptOss = JSON.readTree(catalogApi.get("/api/models/gpt-oss-20b").send().body());
            assertThat(gptOss.get("name").asString()).isEqualTo("gpt-oss-20b");
            assertThat(gptOss.get("contextWindow").asInt()).isEqualTo(131_072);
            JsonNode qwen = JSON.readTree(catalogApi.get("/api/models/qwen3.5-4b").send().body());
            assertThat(qwen.get("contextWindow").asInt()).isEqualTo(262_144);
            assertThat(qwen.get("license").asString()).isEqualTo("Apache 2.0");
            assertThat(JSON.readTree(catalogApi.get("/api/models?size=200").send().body()).get("total").asInt())
                    .isGreaterThanOrEqualTo(14);

            HttpResponse<String> routesResponse = pricingApi.get("/api/models/gpt-oss-20b/routes").send();
            JsonNode routes = JSON.readTree(routesResponse.body()).get("routes");
            assertThat(routes).hasSize(9);
            List<String> cheapest = new ArrayList<>();
            routes.forEach(route -> {
                if (route.get("providerId").asString().equals("openrouter")) {
                    cheapest.add(route.get("inputPricePerMTok").decimalValue().toPlainString() + "/"
                            + route.get("outputPricePerMTok").decimalValue().toPlainString());
                }
            });
            assertThat(cheapest).containsExactly("0.03/0.14");
            assertThat(JSON.readTree(pricingApi.get("/api/models/qwen3.5-4b/routes").send().body()).get("routes"))
                    .isEmpty();

            String modelTag = catalogApi.get("/api/models/gpt-oss-20b").send().headers().firstValue("ETag").orElseThrow();
            String routesTag = routesResponse.headers().firstValue("ETag").orElseThrow();

            String second = site.importDemo("second-import.log");

            assertThat(second).contains("0 created, 0 changed, 70 unchanged, 0 rejected")
                    .doesNotContainPattern("\\b(created|changed) [1-9]");
            assertThat(catalogApi.get("/api/models/gpt-oss-20b").send().headers().firstValue("ETag")).hasValue(modelTag);
            assertThat(pricingApi.get("/api/models/gpt-oss-20b/routes").send().headers().firstValue("ETag"))
                    .hasValue(routesTag);
        }
    }

    @Test
    @Order(2)
    void comparisonServiceComputesTheReferencePairFromTheImportedCatalog() {
        Api comparisons = Api.onPort(comparison.port());

        JsonNode golden = await().atMost(WAIT).until(() -> Site.read(comparisons, "/api/comparisons/gpt-oss-20b-vs-qwen3.5-4b"),
                node -> node != null).get("comparison");

        assertThat(golden.at("/verdict/sentence").asString())
                .isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
        assertThat(golden.at("/monthlyCost/models/0/monthlyUsd").decimalValue()).isEqualByComparingTo("59.00");
        assertThat(golden.at("/monthlyCost/deltaNote").asString())
                .isEqualTo("Cost delta unavailable until both models have sourced input and output token prices.");
    }

    @Test
    @Order(3)
    void aVisitorReadsEverySectionOfTheReferencePageInARealBrowser() throws IOException {
        HeadlessChromium.assumeInstalled();
        String site = "http://127.0.0.1:" + page.port();
        await().atMost(WAIT).until(() -> Api.onPort(page.port()).get("/compare/gpt-oss-20b-vs-qwen3.5-4b").send().statusCode() == 200);
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(site + "/compare/gpt-oss-20b-vs-qwen3.5-4b");

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("gpt-oss-20b vs Qwen3.5-4B");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.")
                    .contains("$59.00").contains("Cost delta unavailable until both models have sourced input and output token prices.")
                    .contains("Last reviewed: 2026-05-22. Data sourced from public model cards and provider documentation.")
                    .contains("gpt-oss-20b is available on Cloudflare Workers AI, OpenRouter, Fireworks AI, GCP Vertex AI, and NVIDIA NIM.");
            List<String> headings = browser.findElements(By.cssSelector("main h2")).stream().filter(WebElement::isDisplayed)
                    .map(WebElement::getText).toList();
            assertThat(headings).containsSubsequence("Decision scorecard", "Decision tradeoffs", "Monthly cost at traffic",
                    "Switch friction", "Specs", "Pricing and availability", "Capabilities", "Benchmarks", "Deep dive", "FAQ",
                    "Continue comparing");
            WebElement chart = browser.findElement(By.cssSelector("section[aria-labelledby='monthly-cost'] svg"));
            assertThat(chart.isDisplayed()).isTrue();
            assertThat(chart.getSize().getWidth()).isGreaterThan(100);
            assertThat(chart.findElements(By.cssSelector("path, polyline, rect, circle"))).isNotEmpty();
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            browser.manage().window().setSize(new Dimension(1280, 6000));
            Files.write(screenshots.resolve("gpt-oss-20b-vs-qwen3.5-4b.png"), browser.getScreenshotAs(OutputType.BYTES));

            List<WebElement> continueLinks = browser.findElements(By.cssSelector("section[aria-labelledby='continue'] a[href^='/compare/']"));
            assertThat(continueLinks).isNotEmpty();
            String next = continueLinks.get(0).getText();
            continueLinks.get(0).click();
            // the click starts a navigation; wait for it rather than read the address mid-way
            await().atMost(Duration.ofSeconds(30)).until(() -> !browser.getCurrentUrl().endsWith("gpt-oss-20b-vs-qwen3.5-4b"));
            assertThat(browser.getCurrentUrl()).startsWith(site + "/compare/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(next);

            browser.get(site + "/models/gpt-oss-20b");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("gpt-oss-20b");
            assertThat(browser.findElements(By.cssSelector("main a[href='/compare/gpt-oss-20b-vs-qwen3.5-4b']"))).isNotEmpty();
            Files.write(screenshots.resolve("model-gpt-oss-20b.png"), browser.getScreenshotAs(OutputType.BYTES));

            browser.get(site + "/?q=QWEN");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Qwen3.5-4B");
            assertThat(browser.findElements(By.cssSelector("main a[href='/models/qwen3.5-4b']"))).isNotEmpty();
        } finally {
            browser.quit();
        }
    }
}
