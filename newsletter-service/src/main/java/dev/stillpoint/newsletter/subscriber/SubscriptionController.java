package dev.stillpoint.newsletter.subscriber;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Anyone may subscribe; nothing is sent to the address until its owner confirms. */
@RestController
class SubscriptionController {

    private final SubscriberManagement subscribers;

    SubscriptionController(SubscriberManagement subscribers) {
        this.subscribers = subscribers;
    }

    /** Answers the same whether the address was new, pending or confirmed, so the list cannot be probed. */
    @PostMapping("/api/subscribers")
    ResponseEntity<SubscriptionResponse> subscribe(@Valid @RequestBody SubscriptionRequest request) {
        this.subscribers.subscribe(request.email(), request.name(), Subscriber.Source.FORM);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SubscriptionResponse(
                "Thank you. Please confirm with the link we have sent to " + request.email().strip() + "."));
    }

    record SubscriptionRequest(@NotBlank @Email @Size(max = 254) String email,
            @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name) {
    }

    record SubscriptionResponse(String detail) {
    }

}
