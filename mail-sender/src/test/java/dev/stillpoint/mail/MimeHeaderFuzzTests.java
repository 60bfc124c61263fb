package dev.stillpoint.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.stillpoint.embedded.fuzz.HostileInput;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's name (and a subject) with CR/LF, quotes, markup or any unicode never adds a header to an email or breaks
 * one: the headers written are exactly those we set, and the name reads back as it was given.
 */
class MimeHeaderFuzzTests {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static final List<String> HEADERS = List.of("date", "from", "to", "message-id", "subject", "mime-version",
            "content-type", "reply-to", "auto-submitted");

    @Property(tries = 1000)
    void aHostileNameOrSubjectNeverBecomesAHeader(@ForAll("hostile") String name, @ForAll("hostile") String subject)
            throws Exception {
        OutgoingEmail email = new OutgoingEmail("<fuzz@example.com>", "client@example.com", name, subject, "text",
                "<p>html</p>", List.of());
        MimeMessage message = MimeMessages.build(SESSION,
                MimeMessages.fromHeader(new InternetAddress("practice@example.com", "Practice")),
                MimeMessages.replyToHeader(new InternetAddress("hello@example.com", "Practice")), email);
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        String raw = bytes.toString(StandardCharsets.ISO_8859_1);
        String headerBlock = raw.substring(0, raw.indexOf("\r\n\r\n"));

        List<String> names = new ArrayList<>();
        for (String line : headerBlock.split("\r\n")) {
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                names.add(line.substring(0, line.indexOf(':')).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(HEADERS);
        assertThat(headerBlock.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(((InternetAddress) message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress())
            .isEqualTo("client@example.com");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileInput.strings();
    }

}
