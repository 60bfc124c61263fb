package dev.stillpoint.newsletter.campaign;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.newsletter.delivery.DeliveryLedger;
import dev.stillpoint.support.practice.PracticeProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's newsletter pages: write an issue, preview it as subscribers will see it, send a test, publish it now or
 * at a time in the practice's time zone, pause, resume or cancel it, and watch its progress.
 */
@Controller
@RequestMapping("/staff/newsletter")
class StaffPages {

    private final Publishing publishing;

    private final DeliveryLedger ledger;

    private final TestCopies testCopies;

    /** The practice's time zone: staff schedule issues in it. */
    private final ZoneId zone;

    private final Clock clock;

    StaffPages(Publishing publishing, DeliveryLedger ledger, TestCopies testCopies, PracticeProperties practice,
            Clock clock) {
        this.publishing = publishing;
        this.ledger = ledger;
        this.testCopies = testCopies;
        this.zone = practice.timeZone();
        this.clock = clock;
    }

    @GetMapping
    String issues(Model model) {
        model.addAttribute("issues", this.publishing.findAll().stream()
            .map((issue) -> new IssueRow(issue, this.ledger.progress(issue.id())))
            .toList());
        if (!model.containsAttribute("issueForm")) {
            model.addAttribute("issueForm", new IssueForm("", ""));
        }
        return "staff/issues";
    }

    @PostMapping
    String write(@Valid @ModelAttribute IssueForm issueForm, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return issues(model);
        }
        NewsletterIssue issue = this.publishing.write(issueForm.title(), issueForm.markdown());
        return "redirect:/staff/newsletter/" + issue.id();
    }

    @GetMapping("/{id}")
    String issue(@PathVariable UUID id, Model model) {
        NewsletterIssue issue = this.publishing.find(id);
        model.addAttribute("issue", issue);
        model.addAttribute("progress", this.ledger.progress(id));
        model.addAttribute("preview", this.testCopies.preview(id));
        model.addAttribute("times", new PracticeTimes(this.zone));
        if (!model.containsAttribute("issueForm")) {
            model.addAttribute("issueForm", new IssueForm(issue.title(), issue.markdown()));
        }
        return "staff/issue";
    }

    @PostMapping("/{id}")
    String revise(@PathVariable UUID id, @Valid @ModelAttribute IssueForm issueForm, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return issue(id, model);
        }
        return act(id, redirect, "Saved.", () -> this.publishing.revise(id, issueForm.title(), issueForm.markdown()));
    }

    /** Publishes now ({@code at} empty) or at {@code at}, a date and time in the practice's time zone. */
    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
            RedirectAttributes redirect) {
        if (at == null) {
            return act(id, redirect, "Published: sending has begun.", () -> this.publishing.publish(id, null));
        }
        ZonedDateTime when = at.atZone(this.zone);
        if (!when.toInstant().isAfter(this.clock.instant())) {
            redirect.addFlashAttribute("problem", "That time has passed; choose a later one, or publish now.");
            return "redirect:/staff/newsletter/" + id;
        }
        return act(id, redirect, "Scheduled for " + new PracticeTimes(this.zone).format(when.toInstant())
                + ".", () -> this.publishing.publish(id, when.toInstant()));
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "Paused: nothing more goes out until you resume.", () -> this.publishing.pause(id));
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "Resumed.", () -> this.publishing.resume(id));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "Cancelled: nobody not reached yet will get this issue.", () -> this.publishing.cancel(id));
    }

    @PostMapping("/{id}/test")
    String sendTest(@PathVariable UUID id, @RequestParam String email, RedirectAttributes redirect) {
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            redirect.addFlashAttribute("problem", "'" + email + "' is not an email address.");
            return "redirect:/staff/newsletter/" + id;
        }
        try {
            this.testCopies.send(id, email.strip());
            redirect.addFlashAttribute("notice", "A test copy went to " + email.strip() + ".");
        }
        catch (MailDeliveryException ex) {
            redirect.addFlashAttribute("problem", "The SMTP server did not take the test copy: " + ex.getMessage());
        }
        return "redirect:/staff/newsletter/" + id;
    }

    /** Does a change, and tells the staff how it went: a change the issue's state forbids is explained, not thrown. */
    private String act(UUID id, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", done);
        }
        catch (ErrorResponseException ex) {
            if (ex.getStatusCode().value() == 404) {
                throw ex;
            }
            redirect.addFlashAttribute("problem", ex.getBody().getDetail());
        }
        return "redirect:/staff/newsletter/" + id;
    }

    record IssueForm(@NotBlank(message = "Give the issue a title.") @Size(max = 200) String title,
            @NotBlank(message = "Write the issue's text.") @Size(max = 100_000) String markdown) {
    }

    /** A line of the staff's list. */
    record IssueRow(NewsletterIssue issue, DeliveryLedger.Progress progress) {
    }

}
