package dev.stillpoint.newsletter.campaign;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.stillpoint.newsletter.delivery.MarkdownRenderer;
import dev.stillpoint.newsletter.system.NewsletterProperties;

import org.springframework.stereotype.Component;

/**
 * The archive as an RSS 2.0 feed, written by the JDK's XML writer: text is escaped as XML, not HTML, so a title with
 * "é", "’" or "—" stays the character it is (HTML's named entities such as {@code &eacute;} are not XML). Characters
 * that XML 1.0 cannot carry at all (most control characters) are dropped.
 */
@Component
class ArchiveFeed {

    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private static final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    private final MarkdownRenderer markdown;

    private final NewsletterProperties properties;

    ArchiveFeed(MarkdownRenderer markdown, NewsletterProperties properties) {
        this.markdown = markdown;
        this.properties = properties;
    }

    String write(List<NewsletterIssue> published) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", this.properties.fromName() + ": quarterly newsletter");
            element(xml, "link", this.properties.link("/newsletter").toString());
            element(xml, "description", "Every issue of the quarterly newsletter of " + this.properties.fromName());
            for (NewsletterIssue issue : published) {
                String link = this.properties.link("/newsletter/" + issue.id()).toString();
                xml.writeStartElement("item");
                element(xml, "title", issue.title());
                element(xml, "link", link);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(link);
                xml.writeEndElement();
                element(xml, "pubDate",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(issue.publishedAt().atOffset(ZoneOffset.UTC)));
                element(xml, "description", this.markdown.toHtml(issue.markdown()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write the newsletter feed", ex);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
        xml.writeEndElement();
    }

}
