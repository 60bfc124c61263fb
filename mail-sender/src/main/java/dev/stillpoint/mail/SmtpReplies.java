package dev.stillpoint.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** What an SMTP server's refusal means: its reply code, and whether trying again can help. */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /** The refusal as Stillpoint's senders handle it: permanent or not, with the server's code and words. */
    static MailDeliveryException failure(MessagingException ex) {
        return new MailDeliveryException(describe(ex), isPermanent(ex), replyCode(ex), ex);
    }

    /** A 5xx reply anywhere in the chain of exceptions is final; anything else may pass. */
    static boolean isPermanent(MessagingException ex) {
        for (Exception current = ex; current != null;
                current = (current instanceof MessagingException me) ? me.getNextException() : null) {
            int code = code(current);
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /** The first SMTP reply code in the chain of exceptions, or 0 if the server gave none. */
    static int replyCode(MessagingException ex) {
        for (Exception current = ex; current != null;
                current = (current instanceof MessagingException me) ? me.getNextException() : null) {
            int code = code(current);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    private static int code(Exception ex) {
        return (ex instanceof SMTPSendFailedException sf) ? sf.getReturnCode()
                : (ex instanceof SMTPAddressFailedException af) ? af.getReturnCode() : 0;
    }

    private static String describe(MessagingException ex) {
        Exception next = ex.getNextException();
        return (next != null && next.getMessage() != null) ? ex.getMessage() + ": " + next.getMessage() : ex.getMessage();
    }

}
