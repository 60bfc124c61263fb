package dev.stillpoint.notification.ops;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Dead letters with their reasons; replay (after correcting the body, if need be) or discard; the audit log. */
@Controller
@RequestMapping("/ops")
class DeadLetterPages {

    private final DeadLetterDesk desk;

    private final OpsAudit audit;

    DeadLetterPages(DeadLetterDesk desk, OpsAudit audit) {
        this.desk = desk;
        this.audit = audit;
    }

    @GetMapping("/dead-letters")
    String list(Model model) {
        model.addAttribute("deadLetters", this.desk.waiting());
        return "ops/dead-letters";
    }

    @GetMapping("/dead-letters/{topic}/{partition}/{offset}")
    String show(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset, Model model) {
        model.addAttribute("deadLetter", this.desk.find(topic, partition, offset));
        return "ops/dead-letter";
    }

    @PostMapping("/dead-letters/{topic}/{partition}/{offset}/replay")
    String replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
            @RequestParam(required = false) String body, Principal principal, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        DeadLetter deadLetter = this.desk.find(topic, partition, offset);
        try {
            String to = this.desk.replay(deadLetter, body, principal.getName());
            redirect.addFlashAttribute("notice", "Replayed " + deadLetter.record().id() + " to " + to + ".");
        }
        catch (DeadLetterDesk.AlreadyHandledException ex) {
            redirect.addFlashAttribute("problem", ex.getMessage());
        }
        catch (ReplayCheck.ReplayRefused ex) {
            // the page again, with the body as the operator left it and why it was not sent
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("deadLetter", deadLetter);
            model.addAttribute("body", body);
            model.addAttribute("problem", "Not replayed: " + ex.getMessage());
            return "ops/dead-letter";
        }
        return "redirect:/ops/dead-letters";
    }

    @PostMapping("/dead-letters/{topic}/{partition}/{offset}/discard")
    String discard(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
            @RequestParam(required = false) String note, Principal principal, RedirectAttributes redirect) {
        DeadLetter deadLetter = this.desk.find(topic, partition, offset);
        try {
            this.desk.discard(deadLetter, note, principal.getName());
            redirect.addFlashAttribute("notice", "Discarded " + deadLetter.record().id() + ".");
        }
        catch (DeadLetterDesk.AlreadyHandledException ex) {
            redirect.addFlashAttribute("problem", ex.getMessage());
        }
        return "redirect:/ops/dead-letters";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", this.audit.latest(200));
        return "ops/audit";
    }

}
