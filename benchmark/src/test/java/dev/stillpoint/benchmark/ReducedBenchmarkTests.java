package dev.stillpoint.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a size of seconds, so that it cannot rot: every scenario runs against the packaged services, each
 * in its own JVM, and every correctness check holds (each booking and subscriber got exactly one email, by recipient
 * and Message-ID at the recording SMTP sink). Its speed figures are printed, not asserted: they are the full
 * benchmark's business.
 */
class ReducedBenchmarkTests {

    @TempDir
    Path output;

    @Test
    void everyScenarioRunsAndEveryEmailArrivesExactlyOnce() throws Exception {
        Assumptions.assumeTrue(SmtpSink.installed(),
                "postfix's smtp-sink and smtp-source are not installed (apt-get install postfix; .ci/run does)");
        Report report = Benchmark.run(Settings.reduced(Path.of(System.getProperty("stillpoint.benchmark.root", "..")),
                this.output));

        List<Figure> checks = report.figures().stream().filter((figure) -> figure.target().startsWith("=")).toList();
        assertThat(checks).as("correctness checks").hasSize(14)
            .allSatisfy((check) -> assertThat(check.met()).as(check.toString()).isTrue());
        assertThat(report.figures()).extracting(Figure::scenario).contains("limit", "start-up");
        assertThat(this.output.resolve("results.md")).content().contains("| newsletter to 300 subscribers |");
        assertThat(Files.readAllLines(this.output.resolve("results.csv"))).hasSize(report.figures().size() + 1);
        assertThat(Files.readAllBytes(this.output.resolve("latency.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

}
