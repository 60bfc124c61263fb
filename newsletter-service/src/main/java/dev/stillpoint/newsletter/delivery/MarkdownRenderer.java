package dev.stillpoint.newsletter.delivery;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/** Markdown as staff write it, to the HTML of the email and the archive. Raw HTML in the Markdown is escaped. */
@Component
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String toHtml(String markdown) {
        return this.renderer.render(this.parser.parse(markdown));
    }

}
