package dev.stillpoint.mail;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Emails reach a real SMTP server (GreenMail) as sent: both parts, our Message-ID, our extra headers. */
class SmtpMailerIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void sendsBothPartsWithOurMessageIdAndHeadersOverKeptOpenConnections() throws Exception {
        MailProperties properties = new MailProperties();
        properties.setHost("127.0.0.1");
        properties.setPort(smtp.getSmtp().getPort());
        try (SmtpMailer mailer = new SmtpMailer(properties, new InternetAddress("news@example.org", "Stillpoint"), 2)) {
            for (int i = 0; i < 3; i++) {
                mailer.send(new OutgoingEmail("<issue-" + i + "@example.org>", "ada@example.com", "Ada Lovelace",
                        "Spring issue " + i, "plain " + i, "<p>html " + i + "</p>", List.of(),
                        Map.of("List-Unsubscribe", "<https://example.org/u/" + i + ">",
                                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
            }
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[2].getMessageID()).isEqualTo("<issue-2@example.org>");
        assertThat(received[2].getHeader("List-Unsubscribe", null)).isEqualTo("<https://example.org/u/2>");
        assertThat(received[2].getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received[2].getFrom()[0].toString()).isEqualTo("Stillpoint <news@example.org>");
        assertThat(received[2].getContentType()).startsWith("multipart/alternative");
    }

}
