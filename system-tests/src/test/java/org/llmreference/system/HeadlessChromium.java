package org.llmreference.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless, with nothing downloaded: the binaries are taken
 * from {@code /usr/bin} (or {@code llmref.chromium} / {@code llmref.chromedriver}), a fresh profile
 * is used each time, and background networking is off. Tests skip, saying why, where they are missing.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of(System.getProperty("llmref.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("llmref.chromedriver", "/usr/bin/chromedriver"));
    /** How long ChromeDriver may take to start, and a page to load, on a loaded 2-core machine. */
    static final Duration BROWSER = Duration.ofMinutes(2);

    private HeadlessChromium() {
    }

    /** Skips the calling test when Chromium or ChromeDriver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: Chromium (" + CHROMIUM + ") and ChromeDriver (" + CHROMEDRIVER
                        + ") are not both installed; on Debian: apt-get install chromium chromium-driver");
    }

    static ChromeDriver start() {
        return start(true);
    }

    /** A browser that runs scripts, or one that does not (a visitor with JavaScript off). */
    static ChromeDriver start(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("llmref-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withTimeout(BROWSER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(BROWSER);
        return driver;
    }
}
