package dev.stillpoint.benchmark;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite ({@link FaultSuite}) at reduced sizes, a few minutes in all; {@code -Pfaults} runs the sizes of
 * README's "Reliability" table instead. Every check must hold: nothing lost, extra copies only with their Message-ID
 * and no more than the kills, every poison record dead-lettered, every outbox event published, the latency targets
 * met. The other figures (recovery, refusals) are printed for the README.
 */
class FaultSuiteTests {

    @TempDir
    Path output;

    @Test
    void nothingIsLostUnderAnyFault() throws Exception {
        Assumptions.assumeTrue(SmtpSink.installed(),
                "postfix's smtp-sink is not installed (apt-get install postfix; .ci/run does)");
        String kept = System.getProperty("stillpoint.faults.output");
        String only = System.getProperty("stillpoint.faults.only");
        Report report = FaultSuite.run(FaultSizes.fromSystemProperties(),
                Path.of(System.getProperty("stillpoint.benchmark.root", "..")), (kept != null) ? Path.of(kept) : this.output,
                only);

        List<Figure> checked = report.figures().stream().filter((figure) -> figure.met() != null).toList();
        assertThat(checked).as("checked figures").isNotEmpty()
            .allSatisfy((figure) -> assertThat(figure.met()).as(figure.toString()).isTrue());
        if (only == null) {
            assertThat(report.figures()).extracting(Figure::scenario)
                .anyMatch((name) -> name.startsWith("two notification"))
                .anyMatch((name) -> name.startsWith("1% poison")).anyMatch((name) -> name.startsWith("one mailbox"));
        }
    }

}
