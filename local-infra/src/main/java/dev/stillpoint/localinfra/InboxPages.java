package dev.stillpoint.localinfra;

import java.util.List;

/** The inbox's two HTML pages. */
final class InboxPages {

    private static final String STYLE = """
            <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
            td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}tr:hover{background:#f6f6f6}
            iframe{width:100%;height:70vh;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
            dt{font-weight:bold}dd{margin:0 0 .5rem 0}</style>""";

    private InboxPages() {
    }

    static String list(List<InboxMessage> messages) {
        StringBuilder rows = new StringBuilder();
        for (InboxMessage message : messages) {
            rows.append("<tr><td>").append(escape(message.receivedAt())).append("</td><td>")
                .append(escape(String.join(", ", message.to()))).append("</td><td><a href=\"/messages/")
                .append(message.id()).append("\">").append(escape(message.subject())).append("</a></td><td>")
                .append(message.attachments().size()).append("</td></tr>\n");
        }
        return page("Inbox (" + messages.size() + ")", """
                <h1>Stillpoint local inbox</h1>
                <p>%d email(s) received by the local SMTP server. <a href="/">Refresh</a> ·
                <a href="/api/messages">JSON</a></p>
                <table><tr><th>Sent</th><th>To</th><th>Subject</th><th>Attachments</th></tr>
                %s</table>""".formatted(messages.size(), rows));
    }

    static String message(InboxMessage message) {
        StringBuilder attachments = new StringBuilder();
        for (InboxMessage.Attachment attachment : message.attachments()) {
            attachments.append("<h3>").append(escape(attachment.filename())).append(" <small>")
                .append(escape(attachment.contentType())).append("</small></h3><pre>")
                .append(escape(attachment.content())).append("</pre>");
        }
        return page(message.subject(), """
                <p><a href="/">← Inbox</a> · <a href="/messages/%d.eml">Source</a></p>
                <h1>%s</h1>
                <dl><dt>From</dt><dd>%s</dd><dt>To</dt><dd>%s</dd><dt>Message-ID</dt><dd>%s</dd></dl>
                <h2>HTML</h2><iframe sandbox srcdoc="%s"></iframe>
                <h2>Text</h2><pre>%s</pre>
                %s""".formatted(message.id(), escape(message.subject()), escape(message.from()),
                escape(String.join(", ", message.to())), escape(message.messageId()), escape(message.html()),
                escape(message.text()), attachments));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + escape(title) + "</title>"
                + STYLE + "</head><body>" + body + "</body></html>";
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
