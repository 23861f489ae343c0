package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A bulk load through the stack: an import run announced to catalog-service, its chunks posted one by
 * one, and the front page in a browser telling how far it got, then nothing once every model is in.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogLoadBannerIT {

    static final Duration WAIT = Duration.ofMinutes(3);

    Site site;

    @BeforeAll
    void startTheSite(TestInfrastructure infrastructure) {
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theFrontPageShowsTheBannerDuringALoadAndNotAfterIt() {
        HeadlessChromium.assumeInstalled();
        HttpResponse<String> started = site.catalogApi().post("/api/imports", "{\"source\":\"banner test\",\"expected\":3}")
                .as(Site.EDITOR_TOKEN).send();
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String importId = Site.JSON.readTree(started.body()).path("importId").asString();
        String front = "http://127.0.0.1:" + site.page.port() + "/";

        ChromeDriver browser = HeadlessChromium.start();
        try {
            sendChunk(importId, "banner-a");
            await().atMost(WAIT).until(() -> {
                browser.get(front);
                return browser.findElement(By.tagName("main")).getText()
                        .contains("Loading the catalog: 1 of 3 models");
            });
            assertThat(browser.findElement(By.cssSelector(".loading progress")).getAttribute("value")).isEqualTo("1");
            assertThat(browser.findElement(By.cssSelector(".loading progress")).getAttribute("max")).isEqualTo("3");

            sendChunk(importId, "banner-b", "banner-c");
            await().atMost(WAIT).until(() -> {
                browser.get(front);
                return browser.findElements(By.cssSelector(".loading")).isEmpty();
            });
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Loading the catalog");
        } finally {
            browser.quit();
        }
    }

    private void sendChunk(String importId, String... ids) {
        StringBuilder models = new StringBuilder();
        for (String id : ids) {
            models.append(models.isEmpty() ? "" : ",").append("{\"id\":\"").append(id)
                    .append("\",\"name\":\"Banner ").append(id).append("\",\"vendor\":\"OpenAI\",\"contextWindow\":131072}");
        }
        HttpResponse<String> response = site.catalogApi().post("/api/import?importId=" + importId,
                "{\"source\":\"banner test\",\"models\":[" + models + "]}").as(Site.EDITOR_TOKEN).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Site.JSON.readTree(response.body()).path("rejected")).as(response.body()).isEmpty();
    }
}
