package dev.stillpoint.newsletter.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.newsletter.delivery.DeliveryLedger;
import dev.stillpoint.newsletter.delivery.MarkdownRenderer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Staff write, preview, test, publish and steer newsletter issues; {@code /api/newsletter/**} needs the STAFF role. */
@RestController
@RequestMapping("/api/newsletter/issues")
class IssueController {

    private final Publishing publishing;

    private final DeliveryLedger ledger;

    private final MarkdownRenderer markdown;

    private final TestCopies testCopies;

    IssueController(Publishing publishing, DeliveryLedger ledger, MarkdownRenderer markdown, TestCopies testCopies) {
        this.publishing = publishing;
        this.ledger = ledger;
        this.markdown = markdown;
        this.testCopies = testCopies;
    }

    @PostMapping
    ResponseEntity<IssueResponse> write(@Valid @RequestBody IssueRequest request) {
        NewsletterIssue issue = this.publishing.write(request.title(), request.markdown());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(issue.id()))
            .body(response(issue));
    }

    @GetMapping("/{id}")
    IssueResponse issue(@PathVariable UUID id) {
        return response(this.publishing.find(id));
    }

    @GetMapping(path = "/{id}/preview", produces = MediaType.TEXT_HTML_VALUE)
    String preview(@PathVariable UUID id) {
        return this.markdown.toHtml(this.publishing.find(id).markdown());
    }

    /** Publishes now, or at {@code at} (with its offset; staff give the practice's local time). */
    @PostMapping("/{id}/publish")
    ResponseEntity<IssueResponse> publish(@PathVariable UUID id, @RequestBody(required = false) PublishRequest request) {
        Instant at = (request != null && request.at() != null) ? request.at().toInstant() : null;
        return ResponseEntity.accepted().body(response(this.publishing.publish(id, at)));
    }

    @PostMapping("/{id}/pause")
    IssueResponse pause(@PathVariable UUID id) {
        return response(this.publishing.pause(id));
    }

    @PostMapping("/{id}/resume")
    IssueResponse resume(@PathVariable UUID id) {
        return response(this.publishing.resume(id));
    }

    @PostMapping("/{id}/cancel")
    IssueResponse cancel(@PathVariable UUID id) {
        return response(this.publishing.cancel(id));
    }

    /** Sends a copy to one address, now; it does not count as a delivery. */
    @PostMapping("/{id}/test")
    ResponseEntity<Void> sendTest(@PathVariable UUID id, @Valid @RequestBody TestRequest request) {
        try {
            this.testCopies.send(id, request.email());
        }
        catch (MailDeliveryException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "The SMTP server did not take the test: "
                    + ex.getMessage());
        }
        return ResponseEntity.accepted().build();
    }

    private IssueResponse response(NewsletterIssue issue) {
        return new IssueResponse(issue.id(), issue.title(), issue.status(), issue.scheduledFor(), issue.publishedAt(),
                issue.completedAt(), this.ledger.progress(issue.id()));
    }

    record IssueRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100_000) String markdown) {
    }

    record PublishRequest(OffsetDateTime at) {
    }

    record TestRequest(@NotBlank @Email String email) {
    }

    record IssueResponse(UUID id, String title, NewsletterIssue.Status status, Instant scheduledFor,
            Instant publishedAt, Instant completedAt, DeliveryLedger.Progress progress) {
    }

}
