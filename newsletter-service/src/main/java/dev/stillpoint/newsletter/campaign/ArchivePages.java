package dev.stillpoint.newsletter.campaign;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import dev.stillpoint.newsletter.delivery.MarkdownRenderer;
import dev.stillpoint.newsletter.system.NewsletterProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The public archive of published issues, as web pages and as an RSS 2.0 feed. Drafts and cancelled issues stay out. */
@Controller
class ArchivePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final IssueRepository issues;

    private final MarkdownRenderer markdown;

    private final NewsletterProperties properties;

    private final ArchiveFeed feed;

    ArchivePages(IssueRepository issues, MarkdownRenderer markdown, NewsletterProperties properties, ArchiveFeed feed) {
        this.issues = issues;
        this.markdown = markdown;
        this.properties = properties;
        this.feed = feed;
    }

    @GetMapping("/newsletter")
    String archive(Model model) {
        model.addAttribute("issues", this.issues.findPublished().stream()
            .map((issue) -> new Entry(issue.id(), issue.title(), DAY.format(issue.publishedAt().atOffset(ZoneOffset.UTC))))
            .toList());
        model.addAttribute("from", this.properties.fromName());
        return "pages/archive";
    }

    @GetMapping("/newsletter/{id}")
    String issue(@PathVariable UUID id, Model model) {
        NewsletterIssue issue = this.issues.findPublished(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published issue " + id));
        model.addAttribute("issue", issue);
        model.addAttribute("body", this.markdown.toHtml(issue.markdown()));
        return "pages/archive-issue";
    }

    @GetMapping(path = "/newsletter/feed.xml", produces = MediaType.APPLICATION_RSS_XML_VALUE)
    @ResponseBody
    String feed() {
        return this.feed.write(this.issues.findPublished());
    }

    /** An issue in the archive's list. */
    record Entry(UUID id, String title, String date) {
    }

}
