package dev.stillpoint.newsletter.subscriber;

import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages behind the links in emails. Mail scanners and link previews follow every link in an email, so a GET only
 * shows a page with a button, and the button's POST confirms or unsubscribes: a scanner can neither subscribe
 * anyone nor take anyone off the list. Unsubscribing is still one click: the POST is also what mail providers send
 * for {@code List-Unsubscribe-Post} (RFC 8058).
 */
@Controller
class SubscriptionPages {

    private final SubscriberManagement subscribers;

    SubscriptionPages(SubscriberManagement subscribers) {
        this.subscribers = subscribers;
    }

    @GetMapping("/subscribe/confirm")
    String askToConfirm(@RequestParam(required = false) String token, Model model) {
        this.subscribers.findByLink(token, Purpose.CONFIRM).orElseThrow(SubscriptionPages::invalidLink);
        model.addAttribute("token", token);
        return "pages/confirm";
    }

    @PostMapping("/subscribe/confirm")
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("subscriber", this.subscribers.confirm(token).orElseThrow(SubscriptionPages::invalidLink));
        return "pages/subscribed";
    }

    @GetMapping("/unsubscribe")
    String askToUnsubscribe(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "pages/unsubscribe";
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("subscriber", this.subscribers.unsubscribe(token).orElseThrow(SubscriptionPages::invalidLink));
        return "pages/unsubscribed";
    }

    private static ResponseStatusException invalidLink() {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "This link is not valid. Please use the link from our most recent email, or contact us.");
    }

}
