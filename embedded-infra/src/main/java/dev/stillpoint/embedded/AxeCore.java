package dev.stillpoint.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Checks the page a browser shows with axe-core, Deque's accessibility engine, against WCAG 2.2 A and AA and axe's
 * best practices. The script comes from the classpath ({@code com.deque.html.axe-core:selenium} carries
 * {@code axe.min.js}); nothing is fetched from the internet.
 */
public final class AxeCore {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
              .then((result) => done(result.violations.map((violation) => violation.id + ' (' + violation.impact + '): '
                  + violation.help + ' at ' + violation.nodes.map((node) => node.target.join(' ')).join(', '))))
              .catch((error) => done(['axe-core failed: ' + error]));
            """;

    private static String script;

    private AxeCore() {
    }

    /** Each rule the page breaks: its id and impact, what it asks for, and the elements that break it. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        JavascriptExecutor javascript = (JavascriptExecutor) driver;
        javascript.executeScript(script());
        return (List<String>) javascript.executeAsyncScript(RUN, TAGS);
    }

    private static synchronized String script() {
        if (script == null) {
            try (InputStream in = AxeCore.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the classpath: add com.deque.html.axe-core:selenium");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return script;
    }

}
