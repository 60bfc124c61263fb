package dev.stillpoint.newsletter.campaign;

import java.util.UUID;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.newsletter.delivery.NewsletterEmails;
import dev.stillpoint.newsletter.system.NewsletterProperties;

import org.springframework.stereotype.Component;

/** A copy of an issue sent to one address before publishing, to see it as subscribers will; it counts for nothing. */
@Component
class TestCopies {

    private final Publishing publishing;

    private final NewsletterEmails emails;

    private final Mailer mailer;

    private final NewsletterProperties properties;

    TestCopies(Publishing publishing, NewsletterEmails emails, Mailer mailer, NewsletterProperties properties) {
        this.publishing = publishing;
        this.emails = emails;
        this.mailer = mailer;
        this.properties = properties;
    }

    void send(UUID issueId, String email) throws MailDeliveryException {
        NewsletterIssue issue = this.publishing.find(issueId);
        String messageId = "<test." + UUID.randomUUID() + "@" + this.properties.messageIdDomain() + ">";
        this.mailer.send(this.emails.testCopy(messageId, email, null, "[Test] " + issue.title(), issue.markdown()));
    }

    /** The issue's email as a subscriber's mail program would show it (its HTML part). */
    String preview(UUID issueId) {
        NewsletterIssue issue = this.publishing.find(issueId);
        return this.emails.testCopy("<preview@" + this.properties.messageIdDomain() + ">", "preview@example.com", null,
                issue.title(), issue.markdown()).html();
    }

}
