package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Pages read on a 375 px phone without sideways page scrolling, including the pages of a model whose
 * name is 200 characters without a break (created through the catalog API): the front page, a
 * comparison page and a model page, each at 375 and 1280 px. Screenshots of each land in
 * {@code target/screenshots}.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallScreensIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    static final String LONG_ID = "unbroken-name";
    static final String LONG_NAME = "Supercalifragilistic".repeat(10);

    Site site;

    @BeforeAll
    void startTheSiteWithTheDemoCatalogAndALongNamedModel(TestInfrastructure infrastructure) throws Exception {
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("small-screens-import.log");
        HttpResponse<String> created = site.catalogApi().put("/api/models/" + LONG_ID, "{\"name\":\"" + LONG_NAME
                + "\",\"vendor\":\"OpenAI\",\"contextWindow\":131072}").as(Site.EDITOR_TOKEN).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(WAIT).ignoreExceptions().until(() -> !site.pairsOf(LONG_ID).isEmpty()
                && site.pairsOf(LONG_ID).stream().allMatch(pair -> site.pageApi().get("/compare/" + pair).send().statusCode() == 200)
                && site.pageApi().get("/models/" + LONG_ID).send().statusCode() == 200
                && site.pageApi().get("/compare/gpt-oss-20b-vs-qwen3.5-4b").send().statusCode() == 200);
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void noPageScrollsSidewaysAt375PxEvenWithA200CharacterModelName() throws IOException {
        HeadlessChromium.assumeInstalled();
        assertThat(LONG_NAME).hasSize(200).doesNotContain(" ");
        String longPair = site.pairsOf(LONG_ID).iterator().next();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("front", "/");
        pages.put("comparison", "/compare/gpt-oss-20b-vs-qwen3.5-4b");
        pages.put("model", "/models/gpt-oss-20b");
        pages.put("long-name-comparison", "/compare/" + longPair);
        pages.put("long-name-model", "/models/" + LONG_ID);
        pages.put("long-name-search", "/?q=" + LONG_NAME.substring(0, 40));

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        String base = "http://127.0.0.1:" + site.page.port();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            for (int width : new int[] {375, 1280}) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.manage().window().setSize(new Dimension(width, 900));
                    browser.get(base + page.getValue());
                    assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
                    long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
                    long innerWidth = (Long) browser.executeScript("return window.innerWidth;");
                    assertThat(scrollWidth).as("%s at %d px: page width %d, window %d", page.getValue(), width,
                            scrollWidth, innerWidth).isLessThanOrEqualTo(innerWidth);
                    if (page.getKey().startsWith("long-name")) {
                        assertThat(browser.findElement(By.tagName("main")).getText().replaceAll("\\s", ""))
                                .contains(LONG_NAME);
                    }
                    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
                    browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 150, 9000)));
                    Files.write(screenshots.resolve(page.getKey() + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                }
            }
        } finally {
            browser.quit();
        }
    }
}
