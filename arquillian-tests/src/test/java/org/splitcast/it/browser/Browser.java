package org.splitcast.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.splitcast.it.support.Api;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} driven by its own
 * {@code /usr/bin/chromedriver} (both set explicitly, so Selenium Manager never runs and nothing is
 * downloaded), a fresh profile folder, and the browser console: every error it logs fails the
 * test unless the test said beforehand that it expects it (a 403 it provokes on purpose).
 */
public final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final List<Pattern> expected = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts Chromium at 1280x800. */
    public static Browser start() {
        String chromium = System.getProperty("it.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            fail("The browser tests need " + chromium + " and " + chromedriver
                    + " (apt-get install -y chromium chromium-driver)");
        }
        try {
            Path profile = Files.createTempDirectory("splitcast-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-search-engine-choice-screen",
                    "--user-data-dir=" + profile,
                    "--window-size=1280,800");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Browser browser = new Browser(driver, service, profile);
            browser.size(1280, 800);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the test server. */
    public Browser open(String path) {
        driver.get(Api.BASE + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the condition returns something other than null or false. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> what + " (page text: " + text("body") + ")")
                .until(condition);
    }

    /** Waits for a visible element. */
    public WebElement visible(String css) {
        return await(css + " visible", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text contains {@code text}. */
    public WebElement awaitText(String css, String text) {
        return await("'" + text + "' in " + css, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(text) ? found.get(0) : null;
        });
    }

    /** The texts of every element matching css, read in one step (no stale element while the page re-renders). */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);", css);
    }

    public String text(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Signs in through the form, with the keyboard only (type, Tab, type, Enter). */
    public void signIn(String username, String password) {
        WebElement user = visible("#username");
        user.clear();
        user.sendKeys(username, Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("password", focused.getAttribute("id"), "Tab goes from the username to the password");
        focused.clear();
        focused.sendKeys(password, Keys.ENTER);
    }

    /** Sizes the window so that the page's viewport is width x height (1280x800, a 390x844 phone). */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) script("return [window.innerWidth, window.innerHeight];");
        int dw = width - inner.get(0).intValue();
        int dh = height - inner.get(1).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    /** Asserts the page does not scroll sideways at the current size. */
    public void assertNoHorizontalScroll() {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        if (overflow.intValue() > 0) {
            Object wide = script(
                    """
                    return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                        .slice(-5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + (e.textContent ?? '').slice(0, 60));""");
            fail("the page is " + overflow + " px wider than the window; the widest elements: " + wide);
        }
    }

    /** Asserts every visible form control has a label (label element, aria-label or aria-labelledby). */
    public void assertControlsLabelled() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>)
                script(
                        """
                return [...document.querySelectorAll('input, select, textarea, button')]
                    .filter(e => e.offsetParent !== null)
                    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                        && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
                    .map(e => e.outerHTML.slice(0, 120));""");
        assertEquals(List.of(), unlabelled, "controls without a label");
    }

    /** Writes a PNG of the viewport to target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            script("window.scrollTo(0, 0); document.activeElement?.blur?.();");
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A console error matching this pattern (e.g. a 403 the test provokes) does not fail the test. */
    public void expectConsoleError(String regex) {
        expected.add(Pattern.compile(regex));
    }

    /** Fails on any console error logged so far that was not expected. */
    public void assertNoConsoleErrors() {
        drain();
        List<String> unexpected = errors.stream()
                .filter(e -> expected.stream().noneMatch(p -> p.matcher(e).find()))
                .toList();
        errors.clear();
        assertEquals(List.of(), unexpected, "browser console errors");
    }

    private void drain() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            } catch (IOException e) {
                // a temporary folder left behind is not a test failure
            }
        }
    }
}
