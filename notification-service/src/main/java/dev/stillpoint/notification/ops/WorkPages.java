package dev.stillpoint.notification.ops;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.notification.bounce.BounceLog;
import dev.stillpoint.notification.delivery.DeliveryLog;
import dev.stillpoint.notification.reminder.ReminderScheduling;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery log, searchable by address or booking id, with the newest bounces and complaints; and the scheduled
 * work: run a step now, or cancel it.
 */
@Controller
@RequestMapping("/ops")
class WorkPages {

    static final Duration SOON = Duration.ofHours(24);

    static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);

    private final DeliveryLog log;

    private final BounceLog bounces;

    private final ReminderScheduling reminders;

    private final OpsAudit audit;

    private final Clock clock;

    WorkPages(DeliveryLog log, BounceLog bounces, ReminderScheduling reminders, OpsAudit audit, Clock clock) {
        this.bounces = bounces;
        this.log = log;
        this.reminders = reminders;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/deliveries")
    String deliveries(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("notifications", (q != null && !q.isBlank()) ? this.log.search(q, 200) : List.of());
        model.addAttribute("bounces", this.bounces.recent(50));
        return "ops/deliveries";
    }

    @GetMapping("/scheduled")
    String scheduled(Model model) {
        model.addAttribute("overdue", this.log.overdue(this.clock.instant().minus(OVERDUE_AFTER), 200));
        model.addAttribute("soon", this.log.scheduledUntil(this.clock.instant().plus(SOON), 200));
        return "ops/scheduled";
    }

    @PostMapping("/scheduled/{id}/run-now")
    String runNow(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        if (this.reminders.releaseNow(id)) {
            this.audit.record("RAN_NOW", principal.getName(), id.toString(), "released before its time");
            redirect.addFlashAttribute("notice", "Released " + id + ": it goes out within seconds.");
        }
        else {
            redirect.addFlashAttribute("problem", id + " is not waiting for its time any more.");
        }
        return "redirect:/ops/scheduled";
    }

    @PostMapping("/scheduled/{id}/cancel")
    String cancel(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        if (this.reminders.cancelStep(id, "cancelled by " + principal.getName() + " in the ops console")) {
            this.audit.record("CANCELLED", principal.getName(), id.toString(), null);
            redirect.addFlashAttribute("notice", "Cancelled " + id + ".");
        }
        else {
            redirect.addFlashAttribute("problem", id + " was sent or cancelled already.");
        }
        return "redirect:/ops/scheduled";
    }

}
