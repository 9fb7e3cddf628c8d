package org.helpdesk.it.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.helpdesk.it.support.HelpdeskClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium: what they do with the pages (open, type, choose, click, press
 * keys) and what they see. Element ids are the Faces client ids ({@code ticket:subject}).
 *
 * <p>The browser and its driver are Debian's ({@code it.chromium}, {@code it.chromedriver}); both
 * paths are given to Selenium, so its Selenium Manager never looks for, or downloads, either.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to answer before a test fails; generous for 2 busy cores. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    /**
     * Selenium looks for a DevTools binding that matches the browser's version and warns, for every
     * browser started, that it has none for Debian's Chromium. These tests use no DevTools. (Held in
     * a field: java.util.logging forgets the level of a logger nobody references.)
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Starts a fresh browser: a new, empty profile, so no cookie or cache is shared with another. */
    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("helpdesk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        // Headless on a machine without a display or a network beyond this one: no sandbox (CI runs
        // as root), no GPU, and none of Chromium's own calls home (updates, sync, first-run pages).
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=en-US",
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile);
        // The console, for tests that look for what the browser refused (a CSP violation, say).
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, console);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        return new Browser(driver, profile);
    }

    /** Opens a page of the application, as typing its address would. */
    public Browser open(String path) {
        driver.get(HelpdeskClient.baseUrl() + path);
        return this;
    }

    /** Signs in through the login page (every demo password is "demo"). */
    public Browser signIn(String username) {
        open("/login");
        type("login:username", username);
        type("login:password", "demo");
        submit("login:signIn");
        return this;
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public boolean isShown(String id) {
        return !driver.findElements(By.id(id)).isEmpty() && find(id).isDisplayed();
    }

    /** Replaces the text of a field. */
    public Browser type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses an option of a native select by the text shown. */
    public Browser select(String id, String option) {
        new Select(find(id)).selectByVisibleText(option);
        return this;
    }

    /**
     * Chooses an option of a PrimeFaces selectOneMenu as a mouse user does: opens the menu, clicks
     * the option once the panel has finished its opening animation (a click during it may miss),
     * and waits until the menu shows the option.
     */
    public Browser choose(String menuId, String option) {
        find(menuId).click();
        By item = By.cssSelector(
                "[id='" + menuId + "_panel'].ui-connected-overlay-enter-done li[data-label='" + option + "']");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(ExpectedConditions.textToBe(By.id(menuId + "_label"), option));
        return this;
    }

    /** Picks files in a file input (several at once where it takes multiple), instead of those picked before. */
    public Browser attach(String inputId, Path... files) {
        find(inputId).clear();
        find(inputId)
                .sendKeys(String.join("\n", Stream.of(files).map(Path::toString).toList()));
        return this;
    }

    /** Clicks a button or link that loads a new page, and waits for that page. */
    public Browser submit(String id) {
        return navigateBy(() -> find(id).click());
    }

    /**
     * Clicks a button that sends its form by ajax, and waits until the answer is applied to this
     * page (a refusal's messages, say), as PrimeFaces signals with its pfAjaxComplete event.
     */
    public Browser submitInPlace(String id) {
        script("window.helpdeskAnswered = false;"
                + "jQuery(document).one('pfAjaxComplete', function () { window.helpdeskAnswered = true; })");
        find(id).click();
        wait.until(answered -> Boolean.TRUE.equals(script("return window.helpdeskAnswered")));
        return this;
    }

    /**
     * Clicks a button that loads a new page and, until that page has loaded, looks at the element
     * the CSS selector finds every tenth of a second: returns what it showed, each text once, in
     * order, and hands each new text to {@code meanwhile} while the page still shows it.
     */
    public List<String> submitWatching(String id, String cssSelector, Consumer<String> meanwhile) {
        Set<String> seen = new LinkedHashSet<>();
        navigateBy(
                () -> find(id).click(),
                Duration.ofMillis(100),
                () -> driver.findElements(By.cssSelector(cssSelector)).stream()
                        .findFirst()
                        .filter(WebElement::isDisplayed)
                        .map(WebElement::getText)
                        .filter(seen::add)
                        .ifPresent(meanwhile));
        return List.copyOf(seen);
    }

    /**
     * Slows the browser's uploads down to {@code bytesPerSecond}, as a slow connection would, until
     * the returned handle is closed; downloads keep their speed.
     */
    public AutoCloseable slowUploads(int bytesPerSecond) {
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput(bytesPerSecond);
        driver.setNetworkConditions(slow);
        return driver::deleteNetworkConditions;
    }

    /** The files chosen in a file input. */
    public long chosenFiles(String inputId) {
        return (Long) script("return arguments[0].files.length", find(inputId));
    }

    /** Clicks the first link the CSS selector finds, and waits for the page it opens. */
    public Browser followLink(String cssSelector) {
        return navigateBy(() -> driver.findElement(By.cssSelector(cssSelector)).click());
    }

    /** Presses keys in the element that has the focus, as a keyboard-only user does. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses keys that submit a form, and waits for the page that answers. */
    public Browser pressToSubmit(CharSequence... keys) {
        return navigateBy(() -> press(keys));
    }

    /** The id of the element that has the keyboard focus ("" for none). */
    public String focusedId() {
        String id = driver.switchTo().activeElement().getDomAttribute("id");
        return id == null ? "" : id;
    }

    /** Presses Tab until the element with the id has the focus; fails if it is not reachable so. */
    public Browser tabTo(String id) {
        for (int presses = 0; presses < 40; presses++) {
            press(Keys.TAB);
            if (focusedId().equals(id)) {
                return this;
            }
        }
        throw new AssertionError("Tab never reaches " + id + " on " + path());
    }

    /**
     * Runs an action that loads a new page and waits until that page has loaded: the old page is
     * marked first, and the wait ends on a loaded page without the mark.
     */
    private Browser navigateBy(Runnable action) {
        return navigateBy(action, Duration.ofMillis(500), () -> {});
    }

    /** {@link #navigateBy(Runnable)}, running {@code look} at every poll of the wait. */
    private Browser navigateBy(Runnable action, Duration poll, Runnable look) {
        script("window.helpdeskPageBefore = true");
        action.run();
        new WebDriverWait(driver, PATIENCE, poll).until(loaded -> {
            try {
                look.run();
                return (Boolean) driver.executeScript(
                        "return window.helpdeskPageBefore === undefined && document.readyState === 'complete'");
            } catch (WebDriverException navigating) {
                // chromedriver may answer "Node ... does not belong to the document" while the old
                // page goes away; the next look decides.
                return false;
            }
        });
        return this;
    }

    public String text(String id) {
        return find(id).getText();
    }

    /** Everything the page shows in words. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The path of the current page, e.g. "/tickets/view/42". */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    /** What the page wrote to the console since the last call, as "LEVEL message" lines. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    String html() {
        return driver.getPageSource();
    }

    /** A PNG of the whole page, not only the visible part: the window grows to the page's height. */
    public byte[] screenshot() {
        Number height = (Number)
                script("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, Math.max(HEIGHT, height.intValue())));
        try {
            return driver.getScreenshotAs(OutputType.BYTES);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
