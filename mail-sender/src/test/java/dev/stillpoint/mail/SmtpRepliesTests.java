package dev.stillpoint.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpRepliesTests {

    @Test
    void fiveHundredRepliesArePermanentEverythingElseTransient() throws Exception {
        InternetAddress address = new InternetAddress("nobody@example.com");
        SendFailedException unknownMailbox = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(address, "RCPT TO", 550, "5.1.1 no such user"));
        assertThat(SmtpReplies.isPermanent(unknownMailbox)).isTrue();
        assertThat(SmtpReplies.isPermanent(new SMTPSendFailedException("DATA", 554, "rejected", null, null, null, null))).isTrue();
        assertThat(SmtpReplies.isPermanent(new SMTPSendFailedException("DATA", 451, "try later", null, null, null, null))).isFalse();
        assertThat(SmtpReplies.isPermanent(new MessagingException("Connection refused"))).isFalse();
    }

    @Test
    void aRecipientRefusedForNowCarriesTheReplyAServerThatIsAwayCarriesNone() throws Exception {
        SendFailedException full = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                new InternetAddress("full@example.com"), "RCPT TO", 452, "4.2.2 mailbox full"));
        MailDeliveryException refused = new MailDeliveryException("full", false, SmtpReplies.replyCode(full), full);
        assertThat(refused.replyCode()).isEqualTo(452);
        assertThat(refused.isRefusedForNow()).isTrue();

        MessagingException away = new MessagingException("Couldn't connect", new java.net.ConnectException("refused"));
        assertThat(SmtpReplies.replyCode(away)).isZero();
        assertThat(new MailDeliveryException("away", false, SmtpReplies.replyCode(away), away).isRefusedForNow()).isFalse();
        assertThat(new MailDeliveryException("closing", false, SmtpReplies.replyCode(new SMTPSendFailedException("MAIL",
                421, "closing channel", null, null, null, null)), null).isRefusedForNow()).as("421 is the server's, not the mailbox's")
            .isFalse();
    }

}
