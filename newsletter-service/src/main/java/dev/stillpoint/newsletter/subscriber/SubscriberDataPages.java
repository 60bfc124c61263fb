package dev.stillpoint.newsletter.subscriber;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Behind the "your data" link in every issue: what is kept about the subscriber, a download of it as JSON, and a
 * button that erases it. Erasing is a POST from the page (with its CSRF token), never a link a mail scanner could
 * follow.
 */
@Controller
class SubscriberDataPages {

    private final SubscriberData data;

    SubscriberDataPages(SubscriberData data) {
        this.data = data;
    }

    @GetMapping("/subscriber/data")
    String page(@RequestParam(required = false) String token, Model model) {
        UUID subscriber = subscriber(token);
        model.addAttribute("token", token);
        model.addAttribute("record", this.data.record(subscriber).orElseThrow(SubscriberDataPages::erased));
        return "pages/your-data";
    }

    @GetMapping(path = "/subscriber/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> download(@RequestParam(required = false) String token) {
        Map<String, Object> record = this.data.record(subscriber(token)).orElseThrow(SubscriberDataPages::erased);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("newsletter-data.json").build().toString())
            .body(record);
    }

    @PostMapping("/subscriber/data/erase")
    String erase(@RequestParam(required = false) String token) {
        if (!this.data.erase(subscriber(token))) {
            throw erased();
        }
        return "pages/erased";
    }

    private UUID subscriber(String token) {
        return this.data.subscriberOf(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "This link is not valid. Please use the link from our most recent email, or contact us."));
    }

    private static ResponseStatusException erased() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "We keep nothing about this subscription any more.");
    }

}
