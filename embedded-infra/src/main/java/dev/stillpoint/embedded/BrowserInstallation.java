package dev.stillpoint.embedded;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a Chrome-family browser and its chromedriver the usual ways, without the internet: the system properties
 * {@code stillpoint.chromium} and {@code webdriver.chrome.driver}, the {@code CHROME_BIN} and {@code CHROMEDRIVER}
 * environment variables, the {@code PATH} (Debian's {@code chromium}, Google's {@code google-chrome}), the places
 * Debian, snap, Google, macOS and Windows install them, and the drivers Selenium Manager has downloaded before.
 */
record BrowserInstallation(Path browser, Path driver) {

    private static final List<String> BROWSER_COMMANDS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");

    private static final List<String> BROWSER_PLACES = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium",
            "/snap/bin/chromium", "/opt/google/chrome/chrome",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe");

    private static final List<String> DRIVER_PLACES = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver", "/usr/local/bin/chromedriver",
            "/opt/homebrew/bin/chromedriver");

    /** The installed browser and driver, or why there is none: a sentence for the test report. */
    static Found find() {
        Optional<Path> browser = configured("stillpoint.chromium", "CHROME_BIN")
            .or(() -> onPath(BROWSER_COMMANDS))
            .or(() -> firstExecutable(BROWSER_PLACES.stream().map(Path::of)));
        Optional<Path> driver = configured("webdriver.chrome.driver", "CHROMEDRIVER")
            .or(() -> onPath(List.of("chromedriver")))
            .or(() -> firstExecutable(DRIVER_PLACES.stream().map(Path::of)))
            .or(BrowserInstallation::downloadedBySeleniumManager);
        if (browser.isEmpty()) {
            return new Found(null, "no Chromium or Google Chrome found (looked at -Dstillpoint.chromium, $CHROME_BIN, "
                    + "the PATH and the usual install places); install them with "
                    + "'apt-get install chromium chromium-driver', as .ci/run does");
        }
        if (driver.isEmpty()) {
            return new Found(null, "found the browser " + browser.get() + " but no chromedriver (looked at "
                    + "-Dwebdriver.chrome.driver, $CHROMEDRIVER, the PATH, the usual install places and "
                    + "~/.cache/selenium); install the driver matching the browser's version");
        }
        return new Found(new BrowserInstallation(browser.get(), driver.get()), null);
    }

    private static Optional<Path> configured(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return (value == null || value.isBlank()) ? Optional.empty() : firstExecutable(Stream.of(Path.of(value)));
    }

    private static Optional<Path> onPath(List<String> commands) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String command : commands) {
            for (String directory : path.split(File.pathSeparator)) {
                candidates.add(Path.of(directory, command));
                candidates.add(Path.of(directory, command + ".exe"));
            }
        }
        return firstExecutable(candidates.stream());
    }

    /** Selenium Manager keeps drivers as {@code ~/.cache/selenium/chromedriver/<platform>/<version>/chromedriver}. */
    private static Optional<Path> downloadedBySeleniumManager() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "selenium", "chromedriver");
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(cache, 3)) {
            return firstExecutable(files.filter((file) -> file.getFileName().toString().startsWith("chromedriver"))
                .sorted(Comparator.reverseOrder()).toList().stream());
        }
        catch (java.io.IOException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Path> firstExecutable(Stream<Path> candidates) {
        return candidates.filter((file) -> Files.isRegularFile(file) && Files.isExecutable(file))
            .findFirst();
    }

    /** A browser and driver, or the reason there is none. */
    record Found(BrowserInstallation installation, String missing) {
    }

}
