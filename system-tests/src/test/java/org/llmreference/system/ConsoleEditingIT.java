package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;

/**
 * The editors' console on a running stack, in a real browser: an editor signs in, changes a
 * route's price, sees the affected pages with the monthly cost before and after, confirms, and
 * the public comparison page shows the new price; the audit trail lists the change with the
 * editor's name and reason. Screenshots at 1280 and 375 px go to {@code target/screenshots}.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleEditingIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    static final String PAIR = "gpt-oss-120b-vs-gpt-oss-20b";
    static final String MODEL = "gpt-oss-20b";
    static final String NEW_INPUT_PRICE = "0.01";
    static final String REASON = "Provider's price list of this week";

    Site site;
    String console;
    String pages;

    @BeforeAll
    void startTheSiteAndTheConsole(TestInfrastructure infrastructure) throws Exception {
        HeadlessChromium.assumeInstalled();
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("console-import.log");
        site.startConsole();
        console = "http://127.0.0.1:" + site.console.port();
        pages = "http://127.0.0.1:" + site.page.port();
        await().atMost(WAIT).until(() -> Api.onPort(site.page.port()).get("/compare/" + PAIR).send().statusCode() == 200);
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void anEditorChangesAPriceWithAPreviewAndThePublicPageAndTheAuditTrailShowIt() throws Exception {
        // the route the page prices gpt-oss-20b at gets cheaper, so the monthly cost moves
        String providerName = cheapestRouteOnThePublicPage();
        String provider = null;
        for (JsonNode route : Site.JSON.readTree(Api.onPort(site.pricing.port()).get("/api/models/" + MODEL + "/routes")
                .send().body()).get("routes")) {
            if (route.get("providerName").asString().equals(providerName)) {
                provider = route.get("providerId").asString();
            }
        }
        assertThat(provider).as("the provider of %s", providerName).isNotNull();
        String providerId = provider;
        assertThat(inputPriceOnThePublicPage(providerName)).doesNotContain(NEW_INPUT_PRICE);

        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            signIn(browser, "admin", Site.ADMIN_PASSWORD);
            assertThat(browser.findElement(By.cssSelector("form.signout button")).getText()).isEqualTo("Sign out");

            browser.get(console + "/console/models/" + MODEL + "/routes");
            screenshots(browser, "console-routes");
            String form = "route-" + provider;
            WebElement input = browser.findElement(By.id(form + "-inputPricePerMTok"));
            input.clear();
            input.sendKeys(NEW_INPUT_PRICE);
            browser.findElement(By.id(form + "-reason")).sendKeys(REASON);
            browser.findElement(By.cssSelector("#" + form + " button[value=preview]")).click();

            await().atMost(WAIT).until(() -> !browser.findElements(By.id("confirm")).isEmpty());
            assertThat(browser.findElement(By.id("affected")).getText()).containsPattern("\\d+ pages? (is|are) affected");
            WebElement preview = browser.findElement(By.cssSelector("section.preview-page[data-pair='" + PAIR + "']"));
            java.util.List<WebElement> costs = preview.findElements(By.cssSelector(".monthly"));
            assertThat(costs).as("the monthly cost before and after").hasSize(2);
            assertThat(costs.get(0).getText()).startsWith("Monthly cost:");
            assertThat(costs.get(0).getText()).as("the change moves the monthly cost").isNotEqualTo(costs.get(1).getText());
            screenshots(browser, "console-preview");

            browser.findElement(By.id("confirm")).click();
            await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/routes?saved"));

            await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> inputPriceOnThePublicPage(providerName).contains(NEW_INPUT_PRICE));

            // The audit trail (GET /api/audit on pricing-service) lists the change with the editor's name and reason.
            await().atMost(WAIT).untilAsserted(() -> {
                browser.get(console + "/console/audit?model=" + MODEL);
                java.util.List<WebElement> rows = browser.findElements(By.cssSelector("table.audit tbody tr"));
                assertThat(rows).as("audit entries of %s", MODEL).isNotEmpty();
                String newest = rows.get(0).getText();
                assertThat(newest).contains("admin").contains(REASON).contains(NEW_INPUT_PRICE).contains(providerId);
            });

            browser.findElement(By.cssSelector("form.signout button")).click();
            await().atMost(WAIT).until(() -> !browser.findElements(By.id("username")).isEmpty());
            browser.get(console + "/console/models/" + MODEL + "/routes");
            assertThat(browser.findElements(By.id("username"))).as("signed out, the console asks to sign in again").isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordShowsTheMessageAndDoesNotSignIn() throws Exception {
        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            browser.get(console + "/console/sign-in");
            screenshots(browser, "console-sign-in");
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("not-the-password");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            await().atMost(WAIT).until(() -> !browser.findElements(By.id("sign-in-error")).isEmpty());
            assertThat(browser.findElement(By.id("sign-in-error")).getText()).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("form.signout"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private void signIn(ChromeDriver browser, String username, String password) {
        // the first admin account reaches the console through the identity topic a moment after catalog-service starts
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.get(console + "/console/sign-in");
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            return !browser.findElements(By.cssSelector("form.signout")).isEmpty();
        });
    }

    private String cheapestRouteOnThePublicPage() {
        ChromeDriver plain = HeadlessChromium.start(false);
        try {
            plain.get(pages + "/compare/" + PAIR);
            return plain.findElement(By.cssSelector("table[data-calc-routes='1'] tr.cheapest th")).getDomProperty("textContent")
                    .strip();
        } finally {
            plain.quit();
        }
    }

    private String inputPriceOnThePublicPage(String providerName) {
        ChromeDriver plain = HeadlessChromium.start(false);
        try {
            plain.get(pages + "/compare/" + PAIR); // the second table is gpt-oss-20b's routes
            for (WebElement row : plain.findElements(By.cssSelector("table[data-calc-routes='1'] tbody tr"))) {
                if (row.findElement(By.tagName("th")).getDomProperty("textContent").strip().equals(providerName)) {
                    return row.findElements(By.tagName("td")).get(2).getDomProperty("textContent").strip();
                }
            }
            return "";
        } finally {
            plain.quit();
        }
    }

    private static void screenshots(ChromeDriver browser, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        for (int width : new int[] {1280, 375}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            Files.write(folder.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
