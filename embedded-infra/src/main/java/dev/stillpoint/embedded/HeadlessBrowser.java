package dev.stillpoint.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium, for one test
 * class: register it as a static {@code @RegisterExtension}. When a test fails, a screenshot and the page's HTML go to
 * {@code target/browser-failures}, with the screenshots the test {@linkplain #capture(String) took} of each page.
 * Nothing is fetched from the internet: the driver and browser are the installed ones (Debian's Chromium, or Google
 * Chrome; see {@link BrowserInstallation} for where they are looked for). Where there are none, the test class is
 * skipped, and the report says why.
 */
public final class HeadlessBrowser implements ExecutionCondition, AfterEachCallback, AfterAllCallback {

    private static final Duration FIND_WAIT = Duration.ofSeconds(15);

    private static BrowserInstallation.Found installed;

    private final String timeZone;

    private final boolean javaScript;

    private final Map<String, byte[]> pages = new LinkedHashMap<>();

    private ChromeDriver driver;

    private Path home;

    /** A browser in the machine's time zone. */
    public HeadlessBrowser() {
        this(null, true);
    }

    private HeadlessBrowser(String timeZone, boolean javaScript) {
        this.timeZone = timeZone;
        this.javaScript = javaScript;
    }

    /** A browser whose clock is in {@code timeZone} (an IANA id), as a client's abroad would be. */
    public static HeadlessBrowser inTimeZone(String timeZone) {
        return new HeadlessBrowser(timeZone, true);
    }

    /** A browser that runs no page scripts, as some clients' do: what must work without JavaScript is tested in it. */
    public static HeadlessBrowser withoutJavaScript() {
        return new HeadlessBrowser(null, false);
    }

    /** Runs the test class where a browser and its driver are installed; skips it, saying why, where not. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        BrowserInstallation.Found found = installation();
        return (found.installation() != null)
                ? ConditionEvaluationResult.enabled("browser " + found.installation().browser() + ", driver "
                        + found.installation().driver())
                : ConditionEvaluationResult.disabled("Browser test skipped: " + found.missing());
    }

    private static synchronized BrowserInstallation.Found installation() {
        if (installed == null) {
            installed = BrowserInstallation.find();
            BrowserInstallation found = installed.installation();
            System.out.println((found != null) ? "Browser tests run in " + found.browser() + ", driven by " + found.driver()
                    : "Browser tests skipped: " + installed.missing());
        }
        return installed;
    }

    /** The browser, started on first use. */
    public WebDriver driver() {
        if (this.driver == null) {
            this.driver = start();
        }
        return this.driver;
    }

    /**
     * Takes a screenshot of the page shown now; the screenshots of a test that fails are saved, in the order taken,
     * beside the failure's own.
     */
    public void capture(String page) {
        this.pages.put(page, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The elements that {@code by} finds on the page shown now, asked at once: finding otherwise waits for one to
     * appear, which a test that expects none, or polls a page it refreshes, would pay in full every time.
     */
    public List<WebElement> findNow(By by) {
        WebDriver.Timeouts timeouts = driver().manage().timeouts();
        timeouts.implicitlyWait(Duration.ZERO);
        try {
            return driver().findElements(by);
        }
        finally {
            timeouts.implicitlyWait(FIND_WAIT);
        }
    }

    /** Whether the page shown now has no element that {@code by} finds, asked at once. */
    public boolean isAbsent(By by) {
        return findNow(by).isEmpty();
    }

    private ChromeDriver start() {
        try {
            // Chromium writes to $HOME/.config even with its own profile directory: give it a home of its own
            this.home = Files.createTempDirectory("chromium-home");
            BrowserInstallation installation = installation().installation();
            if (installation == null) {
                throw new IllegalStateException("No browser to test in: " + installation().missing());
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.driver().toFile())
                .usingAnyFreePort()
                .withEnvironment(environment())
                .build();
            ChromeOptions options = new ChromeOptions().setBinary(installation.browser().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + this.home.resolve("profile"));
            if (!this.javaScript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            // a click that navigates returns before the next page is there: finding an element waits for it, as long
            // as a busy machine may take to render the page (asking for what must be absent: see isAbsent)
            chrome.manage().timeouts().implicitlyWait(FIND_WAIT);
            return chrome;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of("HOME", this.home.toString(), "XDG_CONFIG_HOME",
                this.home.resolve("config").toString(), "XDG_CACHE_HOME", this.home.resolve("cache").toString()));
        if (this.timeZone != null) {
            environment.put("TZ", this.timeZone);
        }
        return environment;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (this.driver != null && context.getExecutionException().isPresent()) {
            Path failures = Files.createDirectories(Path.of("target", "browser-failures"));
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            int step = 0;
            for (Map.Entry<String, byte[]> page : this.pages.entrySet()) {
                Files.write(failures.resolve("%s.%02d-%s.png".formatted(name, ++step, page.getKey())), page.getValue());
            }
            Files.write(failures.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(failures.resolve(name + ".html"), this.driver.getPageSource(), StandardCharsets.UTF_8);
        }
        this.pages.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (this.driver != null) {
            this.driver.quit();
            this.driver = null;
        }
        if (this.home != null) {
            FileSystemUtils.deleteRecursively(this.home);
            this.home = null;
        }
    }

}
