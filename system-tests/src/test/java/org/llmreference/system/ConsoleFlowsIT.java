package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * The editors' console on a running stack, in a real browser, for the flows beyond a price change
 * ({@link ConsoleEditingIT}): a stale edit shown as a conflict and reapplied on top of the other
 * editor's change; a price change scheduled for a later date, listed, then cancelled; a model retired
 * with a successor through the model editor, whose comparisons are then withdrawn while the successor's
 * stay; bad input shown next to its field with nothing stored; and an editor without the admin role
 * kept out of the accounts. Each flow works on
 * demo models no other system test edits. Screenshots at 1280 and 375 px go to {@code target/screenshots}.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFlowsIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    /** Edited by two editors at once. */
    static final String CONFLICTED = "claude-sonnet-4-5";
    /** Gets a price change scheduled and cancelled on its route at {@link #SCHEDULED_PROVIDER}. */
    static final String SCHEDULED = "gemini-2.5-pro";
    static final String SCHEDULED_PROVIDER = "google";
    /** Retired in favour of {@link #SUCCESSOR}. */
    static final String RETIRED = "gpt-4.1-mini";
    static final String SUCCESSOR = "gpt-4o";
    /** Gets bad input, which must leave it as it was. */
    static final String REFUSED = "qwen3.5-397b-a17b";
    static final String REFUSED_PROVIDER = "alibaba";
    static final String EDITOR_PASSWORD = "flows-editor-password";

    /** Tells this run's values and accounts apart from any earlier run's on the same database. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    Site site;
    String console;
    String pages;
    String adminToken;

    @BeforeAll
    void startTheSiteAndTheConsole(TestInfrastructure infrastructure) throws Exception {
        HeadlessChromium.assumeInstalled();
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("console-flows-import.log");
        site.startConsole();
        console = "http://127.0.0.1:" + site.console.port();
        pages = "http://127.0.0.1:" + site.page.port();
        // the first admin account exists once catalog-service has started; its session token sets up accounts
        adminToken = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> session = site.catalogApi().post("/api/sessions",
                    "{\"username\":\"admin\",\"password\":\"" + Site.ADMIN_PASSWORD + "\"}").send();
            return session.statusCode() == 201 ? Site.JSON.readTree(session.body()).get("token").asString() : null;
        }, token -> token != null);
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            if (adminToken != null) {
                // the retired demo model comes back, so the pages other tests read keep their peers
                site.catalogApi().patch("/api/models/" + RETIRED, "{\"status\":\"active\",\"retiresOn\":null,\"successorId\":null}")
                        .header("Content-Type", "application/merge-patch+json").as(adminToken).send();
            }
            site.close();
        }
    }

    @Test
    void aStaleEditIsShownAsAConflictAndTheSecondEditorsChangeIsReappliedOnTopOfTheFirst() throws Exception {
        String second = createEditor("flows-second-" + run, "Second Editor");
        String firstArchitecture = "transformer, run " + run;
        String secondLicense = "Proprietary, run " + run;
        ChromeDriver first = HeadlessChromium.start(true);
        ChromeDriver other = HeadlessChromium.start(true);
        try {
            signIn(first, "admin", Site.ADMIN_PASSWORD);
            signIn(other, second, EDITOR_PASSWORD);
            first.get(console + "/console/models/" + CONFLICTED);
            other.get(console + "/console/models/" + CONFLICTED);
            String licenseBefore = other.findElement(By.id("f-license")).getDomProperty("value");

            // the first editor saves a new architecture
            replace(first.findElement(By.id("f-architecture")), firstArchitecture);
            first.findElement(By.cssSelector("form.editor button[value=preview]")).click();
            confirmThePreview(first);
            await().atMost(WAIT).until(() -> first.getCurrentUrl().contains("?saved"));

            // the second editor, on the form opened before that, saves a new license
            replace(other.findElement(By.id("f-license")), secondLicense);
            other.findElement(By.cssSelector("form.editor button[value=preview]")).click();
            await().atMost(WAIT).until(() -> !other.findElements(By.cssSelector("p.conflict")).isEmpty());
            assertThat(other.findElement(By.cssSelector("p.conflict")).getText()).contains("Someone changed this model");
            WebElement architecture = other.findElement(By.id("f-architecture"));
            assertThat(architecture.findElement(By.xpath("following-sibling::p[@class='theirs']")).getText())
                    .as("the value the first editor saved, next to the field").contains(firstArchitecture);
            assertThat(architecture.getDomProperty("value")).as("a field only the first editor changed shows their value")
                    .isEqualTo(firstArchitecture);
            assertThat(other.findElement(By.id("f-license")).getDomProperty("value")).as("the second editor's draft is kept")
                    .isEqualTo(secondLicense);
            assertThat(other.findElements(By.xpath("//input[@id='f-license']/following-sibling::p[@class='theirs']")))
                    .as("nobody else changed the license").isEmpty();
            WebElement reapply = other.findElement(By.cssSelector("form.editor button[value=preview]"));
            assertThat(reapply.getText()).isEqualTo("Reapply my change");
            screenshots(other, "console-conflict", By.id("f-architecture"));

            reapply.click();
            confirmThePreview(other);
            await().atMost(WAIT).until(() -> other.getCurrentUrl().contains("?saved"));

            JsonNode stored = Site.JSON.readTree(site.catalogApi().get("/api/models/" + CONFLICTED).send().body());
            assertThat(stored.get("architecture").asString()).as("the first editor's change").isEqualTo(firstArchitecture);
            assertThat(stored.get("license").asString()).as("the second editor's change").isEqualTo(secondLicense)
                    .isNotEqualTo(licenseBefore);
        } finally {
            first.quit();
            other.quit();
        }
    }

    @Test
    void aPriceChangeScheduledForALaterDateIsListedThenCancelledAndThePriceStaysAsItWas() throws Exception {
        String priceBefore = routePrice(SCHEDULED, SCHEDULED_PROVIDER, "inputPricePerMTok");
        String effective = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        String scheduledPrice = "0.0" + (1 + Math.abs(run.hashCode() % 9));
        assertThat(scheduledPrice).isNotEqualTo(priceBefore);
        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            signIn(browser, "admin", Site.ADMIN_PASSWORD);
            browser.get(console + "/console/models/" + SCHEDULED + "/routes");
            new Select(browser.findElement(By.id("schedule-provider"))).selectByValue(SCHEDULED_PROVIDER);
            // a date input takes its value in the browser's locale format when typed; set it as the form sends it
            browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("schedule-effective")), effective);
            replace(browser.findElement(By.id("f-inputPricePerMTok")), scheduledPrice);
            browser.findElement(By.id("schedule-reason")).sendKeys("Announced price cut, run " + run);
            browser.findElement(By.cssSelector("form.schedule button[type=submit]")).click();

            await().atMost(WAIT).until(() -> !scheduledRows(browser, effective).isEmpty());
            assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).startsWith("Scheduled.");
            WebElement row = scheduledRows(browser, effective).get(0);
            assertThat(row.getText()).contains(SCHEDULED_PROVIDER).contains(scheduledPrice);
            assertThat(routePrice(SCHEDULED, SCHEDULED_PROVIDER, "inputPricePerMTok")).as("a later date changes nothing now")
                    .isEqualTo(priceBefore);
            screenshots(browser, "console-scheduled", By.cssSelector("table.scheduled"));

            row.findElement(By.cssSelector("button")).click();
            await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("?cancelled") && scheduledRows(browser, effective).isEmpty());

            JsonNode priceList = Site.JSON.readTree(site.pricingApi().get("/api/models/" + SCHEDULED + "/routes").send().body());
            assertThat(priceList.get("scheduled").findValuesAsString("effectiveFrom")).as("no change pending on that date")
                    .noneMatch(from -> from.startsWith(effective));
            assertThat(routePrice(SCHEDULED, SCHEDULED_PROVIDER, "inputPricePerMTok")).isEqualTo(priceBefore);
            assertThat(browser.findElement(By.id("route-" + SCHEDULED_PROVIDER + "-inputPricePerMTok")).getDomProperty("value"))
                    .as("the table shows the price in force").isEqualTo(priceBefore);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aModelRetiredWithASuccessorThroughTheModelEditorHasItsComparisonsWithdrawn() throws Exception {
        // a comparison of the model with another that the successor is compared with too
        String other = await().atMost(WAIT).until(() -> site.pairsOf(RETIRED).stream().map(pair -> otherModel(pair, RETIRED))
                .filter(model -> !model.equals(SUCCESSOR) && site.pairsOf(SUCCESSOR).contains(pairOf(SUCCESSOR, model)))
                .findFirst().orElse(null), model -> model != null);
        String retiredPair = pairOf(RETIRED, other);
        String successorPair = pairOf(SUCCESSOR, other);
        await().atMost(WAIT).until(() -> site.pageApi().get("/compare/" + retiredPair).send().statusCode() == 200);
        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            signIn(browser, "admin", Site.ADMIN_PASSWORD);
            browser.get(console + "/console/models/" + RETIRED);
            new Select(browser.findElement(By.id("f-status"))).selectByValue("retired");
            replace(browser.findElement(By.id("f-successorId")), SUCCESSOR);
            browser.findElement(By.id("reason")).sendKeys("Replaced by " + SUCCESSOR);
            screenshots(browser, "console-retire", By.id("f-status"));
            browser.findElement(By.cssSelector("form.editor button[value=preview]")).click();
            await().atMost(WAIT).until(() -> !browser.findElements(By.id("confirm")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("table.changes")).getText()).contains("Status").contains("retired")
                    .contains("Successor").contains(SUCCESSOR);
            screenshots(browser, "console-retire-preview");
            browser.findElement(By.id("confirm")).click();
            await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("?saved"));
            assertThat(new Select(browser.findElement(By.id("f-status"))).getFirstSelectedOption().getDomProperty("value"))
                    .isEqualTo("retired");
            assertThat(browser.findElement(By.id("f-successorId")).getDomProperty("value")).isEqualTo(SUCCESSOR);
        } finally {
            browser.quit();
        }
        JsonNode stored = Site.JSON.readTree(site.catalogApi().get("/api/models/" + RETIRED).send().body());
        assertThat(stored.get("status").asString()).isEqualTo("retired");
        assertThat(stored.get("successorId").asString()).isEqualTo(SUCCESSOR);

        // a visitor finds the retired model's comparison withdrawn, and the successor's comparison published
        ChromeDriver visitor = HeadlessChromium.start(false);
        try {
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> site.pageApi().get("/compare/" + retiredPair).send().statusCode() == 410);
            visitor.get(pages + "/compare/" + retiredPair);
            assertThat(visitor.findElement(By.tagName("h1")).getText()).isEqualTo("This comparison was withdrawn");
            visitor.get(pages + "/compare/" + successorPair);
            assertThat(site.pageApi().get("/compare/" + successorPair).send().statusCode()).isEqualTo(200);
            assertThat(visitor.findElement(By.tagName("h1")).getText()).isNotBlank()
                    .isNotEqualTo("This comparison was withdrawn");
        } finally {
            visitor.quit();
        }
    }

    @Test
    void badInputIsShownNextToItsFieldAndNothingIsStored() throws Exception {
        String routesTag = etag(site.pricingApi().get("/api/models/" + REFUSED + "/routes").send());
        String modelTag = etag(site.catalogApi().get("/api/models/" + REFUSED).send());
        String form = "route-" + REFUSED_PROVIDER;
        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            signIn(browser, "admin", Site.ADMIN_PASSWORD);

            // the route editor: a negative price and a source that is not a web address
            browser.get(console + "/console/models/" + REFUSED + "/routes");
            replace(browser.findElement(By.id(form + "-inputPricePerMTok")), "-1");
            replace(browser.findElement(By.id(form + "-sourceUrl")), "not a web address");
            browser.findElement(By.cssSelector("#" + form + " button[value=preview]")).click();
            await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("p.field-error")).isEmpty());
            assertThat(messageOf(browser, form + "-inputPricePerMTok")).contains("at least 0");
            assertThat(messageOf(browser, form + "-sourceUrl")).containsIgnoringCase("url");
            assertThat(browser.findElement(By.id(form + "-inputPricePerMTok")).getDomProperty("value"))
                    .as("the editor's input is kept to correct").isEqualTo("-1");
            assertThat(browser.findElements(By.id("confirm"))).as("nothing to confirm").isEmpty();
            screenshots(browser, "console-bad-price", By.id(form + "-sourceUrl"));

            // the model editor: a context window that is not a number
            browser.get(console + "/console/models/" + REFUSED);
            replace(browser.findElement(By.id("f-contextWindow")), "lots");
            browser.findElement(By.cssSelector("form.editor button[value=preview]")).click();
            await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("p.field-error")).isEmpty());
            assertThat(messageOf(browser, "f-contextWindow")).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("p.field-error"))).as("only the bad field is marked").hasSize(1);
            screenshots(browser, "console-bad-model-field", By.id("f-contextWindow"));
        } finally {
            browser.quit();
        }
        assertThat(etag(site.pricingApi().get("/api/models/" + REFUSED + "/routes").send())).as("the price list is unchanged")
                .isEqualTo(routesTag);
        assertThat(etag(site.catalogApi().get("/api/models/" + REFUSED).send())).as("the model is unchanged")
                .isEqualTo(modelTag);
    }

    @Test
    void anEditorWhoIsNotAdminCannotManageAccounts() throws Exception {
        String editor = createEditor("flows-editor-" + run, "Plain Editor");
        String wouldBe = "flows-intruder-" + run;
        ChromeDriver browser = HeadlessChromium.start(true);
        try {
            signIn(browser, editor, EDITOR_PASSWORD);
            assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).contains("Models")
                    .doesNotContain("Accounts");
            assertThat(browser.findElements(By.cssSelector("a[href='/console/accounts']"))).isEmpty();

            browser.get(console + "/console/accounts");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            assertThat(browser.findElement(By.cssSelector("main p.error")).getText()).contains("admins");
            assertThat(browser.findElements(By.cssSelector("form[action='/console/accounts']"))).isEmpty();

            // the accounts form posted anyway, with the editor's own valid CSRF token, is refused too
            browser.get(console + "/console/models");
            browser.executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = '/console/accounts';
                    form.setAttribute('hx-boost', 'false');
                    const fields = {id: arguments[0], displayName: 'Intruder', password: 'intruder-password', roles: 'admin'};
                    fields._csrf = document.querySelector('form.signout input[name=_csrf]').value;
                    for (const [name, value] of Object.entries(fields)) {
                        const input = document.createElement('input');
                        input.type = 'hidden';
                        input.name = name;
                        input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();
                    """, wouldBe);
            await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/console/accounts"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            assertThat(browser.findElement(By.cssSelector("main p.error")).getText()).contains("admins");
        } finally {
            browser.quit();
        }
        HttpResponse<String> accounts = site.catalogApi().get("/api/accounts").as(adminToken).send();
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("\"" + editor + "\"").doesNotContain(wouldBe);
    }

    /** Creates an account with the editor role through catalog-service's accounts API, as an admin would. */
    private String createEditor(String id, String displayName) {
        HttpResponse<String> created = site.catalogApi().post("/api/accounts", Site.JSON.writeValueAsString(Map.of("id", id,
                "displayName", displayName, "password", EDITOR_PASSWORD, "roles", List.of("editor")))).as(adminToken).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private void signIn(ChromeDriver browser, String username, String password) {
        // a new account reaches the other services through the identity topic a moment after it is created
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.get(console + "/console/sign-in");
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            return !browser.findElements(By.cssSelector("form.signout")).isEmpty();
        });
    }

    private static void confirmThePreview(ChromeDriver browser) {
        await().atMost(WAIT).until(() -> !browser.findElements(By.id("confirm")).isEmpty());
        browser.findElement(By.id("confirm")).click();
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /** The message shown for an input: the element its {@code aria-describedby} names, right after it. */
    private static String messageOf(ChromeDriver browser, String inputId) {
        WebElement input = browser.findElement(By.id(inputId));
        assertThat(input.getDomAttribute("aria-invalid")).as("%s is marked invalid", inputId).isEqualTo("true");
        String describedBy = input.getDomAttribute("aria-describedby");
        assertThat(describedBy).as("%s names its message", inputId).isNotBlank();
        WebElement message = browser.findElement(By.id(describedBy));
        assertThat(input.findElement(By.xpath("following-sibling::p[contains(@class,'field-error')]")).getDomAttribute("id"))
                .as("the message of %s follows it", inputId).isEqualTo(describedBy);
        return message.getText();
    }

    /** The pair id of two models, in canonical order. */
    private static String pairOf(String one, String other) {
        return one.compareTo(other) < 0 ? one + "-vs-" + other : other + "-vs-" + one;
    }

    private static String otherModel(String pair, String model) {
        String[] models = pair.split("-vs-");
        return models[0].equals(model) ? models[1] : models[0];
    }

    private static List<WebElement> scheduledRows(ChromeDriver browser, String effective) {
        return browser.findElements(By.cssSelector("table.scheduled tbody tr")).stream()
                .filter(row -> row.getText().contains(effective)).toList();
    }

    private String routePrice(String model, String provider, String field) {
        for (JsonNode route : Site.JSON.readTree(site.pricingApi().get("/api/models/" + model + "/routes").send().body())
                .get("routes")) {
            if (route.get("providerId").asString().equals(provider)) {
                return route.get(field).decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("no route of " + model + " on " + provider);
    }

    private static String etag(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void screenshots(ChromeDriver browser, String name) throws Exception {
        screenshots(browser, name, null);
    }

    /** Screenshots at 1280 and 375 px, each with {@code focus} (when given) scrolled to the middle of the window. */
    private static void screenshots(ChromeDriver browser, String name, By focus) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        for (int width : new int[] {1280, 375}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            if (focus != null) {
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(focus));
            }
            Files.write(folder.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
