package dev.stillpoint.newsletter.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.newsletter.campaign.MarkdownRenderer;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Writes an issue's email for one recipient: text and HTML, and the headers that let mail providers show an
 * unsubscribe button that works in one click (RFC 2369 {@code List-Unsubscribe}, RFC 8058 {@code List-Unsubscribe-Post}).
 */
@Component
public class NewsletterEmails {

    static final String TEMPLATE = "mail/newsletter-issue";

    private final MarkdownRenderer markdown;

    private final TemplateEngine templates;

    private final SubscriberTokens tokens;

    private final NewsletterProperties properties;

    NewsletterEmails(MarkdownRenderer markdown, TemplateEngine templates, SubscriberTokens tokens,
            NewsletterProperties properties) {
        this.markdown = markdown;
        this.templates = templates;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** The email of an issue for a subscriber, or, with {@code subscriberId} null, a test copy without a working link. */
    public OutgoingEmail compose(String messageId, String email, String name, UUID subscriberId, String title,
            String markdownBody) {
        String unsubscribe = this.properties.link("/unsubscribe?token="
                + ((subscriberId != null) ? this.tokens.token(subscriberId, Purpose.UNSUBSCRIBE) : "test-copy")).toString();
        String data = (subscriberId != null)
                ? this.properties.link("/subscriber/data?token=" + this.tokens.token(subscriberId, Purpose.DATA)).toString()
                : null;
        Context model = new Context();
        model.setVariable("title", title);
        model.setVariable("name", name);
        model.setVariable("body", this.markdown.toHtml(markdownBody));
        model.setVariable("unsubscribe", unsubscribe);
        model.setVariable("data", data);
        model.setVariable("from", this.properties.fromName());
        String text = title + "\n\n" + markdownBody.strip() + "\n\n--\nYou receive this because you subscribed to the "
                + "quarterly newsletter of " + this.properties.fromName() + ".\nUnsubscribe in one click: " + unsubscribe
                + "\n" + ((data != null) ? "See, download or erase your data: " + data + "\n" : "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Newsletter <newsletter." + this.properties.messageIdDomain() + ">");
        return new OutgoingEmail(messageId, email, name, title, text, this.templates.process(TEMPLATE, model),
                List.of(), headers);
    }

}
