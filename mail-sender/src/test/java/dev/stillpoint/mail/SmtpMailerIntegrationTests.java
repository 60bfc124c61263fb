package dev.stillpoint.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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

    /**
     * Every email leaves from its own bounce address (VERP: the mailbox, a {@code +} and the token of its Message-ID),
     * as the server's Return-Path shows, says it is automated and asks for replies to the practice, DKIM-signed or not.
     */
    @Test
    void leavesFromItsOwnBounceAddressAsAnAutomatedEmailWithReplyToThePractice() throws Exception {
        MailProperties properties = new MailProperties();
        properties.setHost("127.0.0.1");
        properties.setPort(smtp.getSmtp().getPort());
        SenderIdentity sender = new SenderIdentity(new InternetAddress("news@example.org", "Stillpoint"),
                new InternetAddress("hello@example.org", "Stillpoint"), BounceAddress.of("bounces@example.org"));
        try (SmtpMailer mailer = new SmtpMailer(properties, sender, 1, null, 1)) {
            mailer.send(new OutgoingEmail("<verp-1@example.org>", "ada@example.com", "Ada", "Hello", "plain",
                    "<p>html</p>", List.of()));
        }
        MimeMessage received = smtp.getReceivedMessages()[0];
        String token = BounceAddress.token("<verp-1@example.org>");
        assertThat(token).hasSize(24).matches("[0-9a-f]+");
        assertThat(received.getHeader("Return-Path", null)).isEqualTo("<bounces+" + token + "@example.org>");
        assertThat(BounceAddress.tokenIn(received.getHeader("Return-Path", null))).contains(token);
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getHeader("Reply-To", null)).isEqualTo("Stillpoint <hello@example.org>");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Stillpoint <news@example.org>");
    }

    /**
     * With one email allowed in doubt, however many connections send side by side, the server accepts the next email
     * only once the last one is recorded, here by a thread of its own as a sender's database would: at every
     * recording, the server holds exactly as many emails as have been recorded, this one included.
     */
    @Test
    void acceptsTheNextEmailOnlyOnceTheLastIsRecorded() throws Exception {
        int threads = 4;
        int perThread = 15;
        BlockingQueue<Runnable> toRecord = new LinkedBlockingQueue<>();
        List<String> mismatches = new CopyOnWriteArrayList<>();
        MailProperties properties = new MailProperties();
        properties.setHost("127.0.0.1");
        properties.setPort(smtp.getSmtp().getPort());
        ExecutorService senders = Executors.newFixedThreadPool(threads + 1);
        try (SmtpMailer mailer = new SmtpMailer(properties, new InternetAddress("news@example.org"), threads, null, 1)) {
            Future<Integer> recorder = senders.submit(() -> {
                for (int recorded = 1; recorded <= threads * perThread; recorded++) {
                    Runnable record = toRecord.take();
                    for (int look = 0; look < 3; look++) {
                        int atServer = smtp.getReceivedMessages().length;
                        if (atServer != recorded) {
                            mismatches.add("recording " + recorded + " saw " + atServer + " at the server");
                        }
                    }
                    record.run();
                }
                return threads * perThread;
            });
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        mailer.send(email("<step-" + thread + "-" + i + "@example.org>"), toRecord::add);
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            assertThat(recorder.get()).isEqualTo(threads * perThread);
        }
        finally {
            senders.shutdownNow();
        }
        assertThat(mismatches).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(threads * perThread);
    }

    @Test
    void aRecordingThatFailsIsThrownOnWhileTheEmailIsOutAndTheConnectionGoesOn() throws Exception {
        MailProperties properties = new MailProperties();
        properties.setHost("127.0.0.1");
        properties.setPort(smtp.getSmtp().getPort());
        try (SmtpMailer mailer = new SmtpMailer(properties, new InternetAddress("news@example.org"), 1)) {
            assertThatIllegalStateException().isThrownBy(() -> mailer.send(email("<refused-step@example.org>"),
                    (recorded) -> {
                        throw new IllegalStateException("the database is away");
                    })).withMessage("the database is away");
            mailer.send(email("<after@example.org>"), Runnable::run);
        }
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
            .containsExactly("<refused-step@example.org>", "<after@example.org>");
    }

    private static OutgoingEmail email(String messageId) {
        return new OutgoingEmail(messageId, "ada@example.com", "Ada Lovelace", "Spring", "plain", "<p>html</p>",
                List.of(), Map.of());
    }

}
