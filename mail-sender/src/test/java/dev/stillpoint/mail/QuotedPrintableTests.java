package dev.stillpoint.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeUtility;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our quoted-printable reads back through Jakarta Mail's decoder as the text that was encoded (line breaks as
 * CRLF), in lines SMTP and RFC 2045 accept.
 */
class QuotedPrintableTests {

    @Test
    void keepsTextReadableAndEncodesOnlyWhatItMust() {
        assertThat(encoded("Chloë, à bientôt\nsee you =)")).isEqualTo("Chlo=C3=AB, =C3=A0 bient=C3=B4t\r\nsee you =3D)");
        assertThat(encoded("trailing space \nand tab\t")).isEqualTo("trailing space=20\r\nand tab=09");
        assertThat(encoded("a lone\rreturn")).isEqualTo("a lone=0Dreturn");
    }

    @Test
    void cutsLongLinesWithSoftBreaks() {
        String encoded = encoded("x".repeat(200));
        assertThat(encoded.split("\r\n")).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(encoded.replace("=\r\n", "")).isEqualTo("x".repeat(200));
        assertThat(encoded("x".repeat(76))).isEqualTo("x".repeat(76));
    }

    @Property(tries = 2000)
    void anyTextReadsBackAsItWasInLinesOfAtMost76(@ForAll("text") String text) throws Exception {
        byte[] encoded = QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8));
        String written = new String(encoded, StandardCharsets.US_ASCII);
        assertThat(written.split("\r\n", -1)).allSatisfy((line) -> {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line).doesNotContain("\r", "\n").doesNotEndWith(" ").doesNotEndWith("\t");
            assertThat(line.chars()).allSatisfy((c) -> assertThat(c).isBetween(9, 126));
        });
        byte[] decoded = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes();
        assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo(text.replaceAll("\r?\n", "\r\n"));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars(" \t\r\n=.xyzé→").withCharRange('!', '~').withCharRange('\u00a0', '\u024f')
            .ofMaxLength(400);
    }

    private static String encoded(String text) {
        return new String(QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

}
