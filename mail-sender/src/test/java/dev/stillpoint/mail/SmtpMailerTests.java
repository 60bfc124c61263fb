package dev.stillpoint.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpMailerTests {

    @Test
    void fiveHundredRepliesArePermanentEverythingElseTransient() throws Exception {
        InternetAddress address = new InternetAddress("nobody@example.com");
        SendFailedException unknownMailbox = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(address, "RCPT TO", 550, "5.1.1 no such user"));
        assertThat(SmtpMailer.isPermanent(unknownMailbox)).isTrue();
        assertThat(SmtpMailer.isPermanent(new SMTPSendFailedException("DATA", 554, "rejected", null, null, null, null))).isTrue();
        assertThat(SmtpMailer.isPermanent(new SMTPSendFailedException("DATA", 451, "try later", null, null, null, null))).isFalse();
        assertThat(SmtpMailer.isPermanent(new MessagingException("Connection refused"))).isFalse();
    }

    @Test
    void aRecipientRefusedForNowCarriesTheReplyAServerThatIsAwayCarriesNone() throws Exception {
        SendFailedException full = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                new InternetAddress("full@example.com"), "RCPT TO", 452, "4.2.2 mailbox full"));
        MailDeliveryException refused = new MailDeliveryException("full", false, SmtpMailer.replyCode(full), full);
        assertThat(refused.replyCode()).isEqualTo(452);
        assertThat(refused.isRefusedForNow()).isTrue();

        MessagingException away = new MessagingException("Couldn't connect", new java.net.ConnectException("refused"));
        assertThat(SmtpMailer.replyCode(away)).isZero();
        assertThat(new MailDeliveryException("away", false, SmtpMailer.replyCode(away), away).isRefusedForNow()).isFalse();
        assertThat(new MailDeliveryException("closing", false, SmtpMailer.replyCode(new SMTPSendFailedException("MAIL",
                421, "closing channel", null, null, null, null)), null).isRefusedForNow()).as("421 is the server's, not the mailbox's")
            .isFalse();
    }

}
