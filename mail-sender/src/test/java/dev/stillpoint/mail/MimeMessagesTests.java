package dev.stillpoint.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MimeMessagesTests {

    @Test
    void plainAsciiTravelsAsItIsAndAnythingElseQuotedPrintable() {
        assertThat(encoding("Hello Ada,\nsee you on Tuesday.\n")).isEqualTo("7bit");
        assertThat(encoding("Chloë, à bientôt")).isEqualTo("quoted-printable");
        assertThat(encoding("x".repeat(999))).isEqualTo("quoted-printable");
        assertThat(encoding("x".repeat(998) + "\n" + "y".repeat(998))).isEqualTo("7bit");
        assertThat(encoding("a lone\rreturn")).isEqualTo("quoted-printable");
    }

    private static String encoding(String text) {
        return MimeMessages.transferEncoding(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEncodingChosenIsTheOneWrittenAndTheTextReadsBackUnchanged() throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = MimeMessages.build(session,
                MimeMessages.fromHeader(new InternetAddress("hello@stillpoint.example")), null,
                new OutgoingEmail("<m1@stillpoint.example>", "chloe@example.com", "Chloë", "Aftercare",
                        "Be gentle with yourself, Chloë.", "<p>Plain ASCII.</p>", List.of(), Map.of()));
        message.saveChanges();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);
        String source = written.toString(StandardCharsets.US_ASCII);
        assertThat(source).contains("Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: 7bit");

        MimeMessage read = new MimeMessage(session, new java.io.ByteArrayInputStream(written.toByteArray()));
        MimeMultipart alternative = (MimeMultipart) read.getContent();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Be gentle with yourself, Chloë.");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Plain ASCII.</p>");
    }

    /**
     * An invitation travels twice, as Outlook expects: as the third alternative to text and HTML, with its method,
     * and as the attached file other calendars import.
     */
    @Test
    void aCalendarInvitationIsAlsoTheLastAlternativeWithItsMethod() throws Exception {
        Session session = Session.getInstance(new Properties());
        String ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
        MimeMessage message = MimeMessages.build(session,
                MimeMessages.fromHeader(new InternetAddress("hello@stillpoint.example")), null,
                new OutgoingEmail("<m2@stillpoint.example>", "ada@example.com", "Ada", "Confirmed", "text", "<p>html</p>",
                        List.of(new OutgoingEmail.Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST",
                                ics.getBytes(StandardCharsets.UTF_8))),
                        Map.of()));
        message.saveChanges();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);

        MimeMessage read = new MimeMessage(session, new java.io.ByteArrayInputStream(written.toByteArray()));
        MimeMultipart mixed = (MimeMultipart) read.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(2).getContentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(alternative.getBodyPart(2).getDisposition()).isNull();
        assertThat(new String(alternative.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(ics);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("text/calendar");
    }

}
