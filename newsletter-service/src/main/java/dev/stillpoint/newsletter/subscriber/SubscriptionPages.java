package dev.stillpoint.newsletter.subscriber;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages behind the links in emails. Confirming is one click. Unsubscribing is one click too: a POST, which is
 * what mail providers send for {@code List-Unsubscribe-Post} (RFC 8058); a GET only shows a page with the button,
 * because mail scanners follow links.
 */
@Controller
class SubscriptionPages {

    private final SubscriberManagement subscribers;

    SubscriptionPages(SubscriberManagement subscribers) {
        this.subscribers = subscribers;
    }

    @GetMapping("/subscribe/confirm")
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
