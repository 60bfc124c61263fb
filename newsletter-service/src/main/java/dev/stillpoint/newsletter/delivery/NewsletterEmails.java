package dev.stillpoint.newsletter.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

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

    private final Map<UUID, Rendered> rendered = new ConcurrentHashMap<>();

    NewsletterEmails(MarkdownRenderer markdown, TemplateEngine templates, SubscriberTokens tokens,
            NewsletterProperties properties) {
        this.markdown = markdown;
        this.templates = templates;
        this.tokens = tokens;
        this.properties = properties;
    }

    /**
     * The issue rendered once for all its recipients (Markdown to HTML, the template around it), with only each
     * recipient's links left to fill in; rendered again only if the issue changed meanwhile.
     */
    Rendered rendered(UUID issueId, String title, String markdownBody) {
        Rendered known = this.rendered.get(issueId);
        if (known != null && known.isOf(title, markdownBody)) {
            return known;
        }
        if (this.rendered.size() > 16) {
            this.rendered.clear();
        }
        Rendered fresh = render(title, markdownBody);
        this.rendered.put(issueId, fresh);
        return fresh;
    }

    private Rendered render(String title, String markdownBody) {
        Context model = model(title, markdownBody, Rendered.UNSUBSCRIBE, Rendered.DATA);
        return new Rendered(title, markdownBody, this.templates.process(TEMPLATE, model));
    }

    /** A test copy of an issue, or its preview: the same email as a subscriber's, without a working link. */
    public OutgoingEmail testCopy(String messageId, String email, String name, String title, String markdownBody) {
        String unsubscribe = this.properties.link("/unsubscribe?token=test-copy").toString();
        String html = this.templates.process(TEMPLATE, model(title, markdownBody, unsubscribe, null));
        return email(messageId, email, name, title, text(title, markdownBody.strip(), unsubscribe, null), html, unsubscribe);
    }

    private Context model(String title, String markdownBody, String unsubscribe, String data) {
        Context model = new Context();
        model.setVariable("title", title);
        model.setVariable("body", this.markdown.toHtml(markdownBody));
        model.setVariable("unsubscribe", unsubscribe);
        model.setVariable("data", data);
        model.setVariable("from", this.properties.fromName());
        return model;
    }

    private String text(String title, String strippedMarkdown, String unsubscribe, String data) {
        return title + "\n\n" + strippedMarkdown + "\n\n--\nYou receive this because you subscribed to the "
                + "quarterly newsletter of " + this.properties.fromName() + ".\nUnsubscribe in one click: " + unsubscribe
                + "\n" + ((data != null) ? "See, download or erase your data: " + data + "\n" : "");
    }

    private OutgoingEmail email(String messageId, String email, String name, String title, String text, String html,
            String unsubscribe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Newsletter <newsletter." + this.properties.messageIdDomain() + ">");
        return new OutgoingEmail(messageId, email, name, title, text, html, List.of(), headers);
    }

    /** An issue's email with the recipient's links still to fill in. */
    final class Rendered {

        /** Stand-ins the template renders where each recipient's links go: letters only, which it leaves as they are. */
        static final String UNSUBSCRIBE = "STILLPOINTUNSUBSCRIBELINK";

        static final String DATA = "STILLPOINTDATALINK";

        private final String title;

        private final String markdown;

        private final String strippedMarkdown;

        /**
         * The links up to each recipient's token, made once: a token is URL-safe as it is, and parsing each link as a
         * URI (with a regular expression compiled for it) was a twelfth of the newsletter's CPU while it sent.
         */
        private final String unsubscribeLink = link("/unsubscribe?token=");

        private final String dataLink = link("/subscriber/data?token=");

        private final String unsubscribeHtml = HtmlUtils.htmlEscape(this.unsubscribeLink);

        private final String dataHtml = HtmlUtils.htmlEscape(this.dataLink);

        /** The HTML around the recipient's links: before the unsubscribe link, between the two, after the data link. */
        private final String[] html;

        Rendered(String title, String markdown, String html) {
            this.title = title;
            this.markdown = markdown;
            this.strippedMarkdown = markdown.strip();
            int unsubscribe = html.indexOf(UNSUBSCRIBE);
            int data = html.indexOf(DATA);
            if (unsubscribe < 0 || data < unsubscribe || html.indexOf(UNSUBSCRIBE, unsubscribe + 1) >= 0
                    || html.indexOf(DATA, data + 1) >= 0) {
                throw new IllegalStateException(TEMPLATE + " must show the unsubscribe link once, then the data link once");
            }
            this.html = new String[] { html.substring(0, unsubscribe),
                    html.substring(unsubscribe + UNSUBSCRIBE.length(), data), html.substring(data + DATA.length()) };
        }

        boolean isOf(String title, String markdown) {
            return this.title.equals(title) && this.markdown.equals(markdown);
        }

        OutgoingEmail personalise(String messageId, String email, String name, UUID subscriberId) {
            String unsubscribeToken = NewsletterEmails.this.tokens.token(subscriberId, Purpose.UNSUBSCRIBE);
            String dataToken = NewsletterEmails.this.tokens.token(subscriberId, Purpose.DATA);
            String html = this.html[0] + this.unsubscribeHtml + unsubscribeToken + this.html[1] + this.dataHtml + dataToken
                    + this.html[2];
            String unsubscribe = this.unsubscribeLink + unsubscribeToken;
            return email(messageId, email, name, this.title,
                    text(this.title, this.strippedMarkdown, unsubscribe, this.dataLink + dataToken), html, unsubscribe);
        }

        private String link(String path) {
            return NewsletterEmails.this.properties.link(path).toString();
        }

    }

}
