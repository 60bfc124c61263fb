package dev.stillpoint.notification.bounce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.mail.BounceAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a mail provider posts its bounce, complaint and delivery events, in one generic JSON shape (README,
 * "Bounces"), with {@code Authorization: Bearer <stillpoint.bounces.webhook.secret>}. Each event goes into the same
 * bounce log as the mailbox's reports; an event seen before (by its id) is ignored, so a provider may post again.
 * Off (404) while no secret is set; rate-limited per address like every public write.
 */
@RestController
class BounceWebhook {

    static final String PATH = "/webhooks/bounces";

    private static final int MAX_EVENTS = 100;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");

    private final BounceLog log;

    private final BounceProperties.Webhook webhook;

    private final Clock clock;

    BounceWebhook(BounceLog log, BounceProperties properties, Clock clock) {
        this.log = log;
        this.webhook = properties.webhook();
        this.clock = clock;
    }

    @PostMapping(PATH)
    Result receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody Events body) {
        if (!this.webhook.enabled()) {
            throw problem(HttpStatus.NOT_FOUND, "Not found", "No bounce webhook is configured here.");
        }
        if (!authorized(authorization)) {
            throw problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Send the webhook secret as 'Authorization: Bearer <secret>'.");
        }
        if (body == null || body.events() == null || body.events().isEmpty() || body.events().size() > MAX_EVENTS) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "Send 1 to " + MAX_EVENTS + " events.");
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (int i = 0; i < body.events().size(); i++) {
            reports.add(report(body.events().get(i), "events[" + i + "]"));
        }
        int recorded = 0;
        for (DeliveryReport report : reports) {
            try {
                recorded += this.log.record(report) ? 1 : 0;
            }
            catch (BounceLog.UnattributableReportException ex) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown email",
                        "Event " + report.reportId() + " has no email address and names no email of ours.");
            }
        }
        return new Result(recorded, reports.size() - recorded);
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, this.webhook.secret().getBytes(StandardCharsets.UTF_8));
    }

    private DeliveryReport report(Event event, String at) {
        if (event == null || event.id() == null || event.id().isBlank() || event.id().length() > 200) {
            throw invalid(at + ".id", "is required, at most 200 characters");
        }
        DeliveryReport.Kind kind = switch (String.valueOf(event.type()).toLowerCase(Locale.ROOT)) {
            case "bounce" -> switch (String.valueOf(event.bounceType()).toLowerCase(Locale.ROOT)) {
                case "hard" -> DeliveryReport.Kind.HARD;
                case "soft" -> DeliveryReport.Kind.SOFT;
                default -> throw invalid(at + ".bounceType", "must be 'hard' or 'soft' for a bounce");
            };
            case "complaint" -> DeliveryReport.Kind.COMPLAINT;
            case "delivery" -> DeliveryReport.Kind.DELIVERED;
            default -> throw invalid(at + ".type", "must be 'bounce', 'complaint' or 'delivery'");
        };
        if (event.email() != null && !EMAIL.matcher(event.email()).matches()) {
            throw invalid(at + ".email", "must be an email address");
        }
        String token = BounceAddress.tokenIn(event.returnPath())
            .or(() -> Optional.ofNullable(event.messageId()).filter((id) -> !id.isBlank()).map(String::strip)
                .map(BounceAddress::token))
            .orElse(null);
        return new DeliveryReport("webhook:" + event.id(), kind, event.email(), token, event.status(),
                event.diagnostic(), EmailBounced.Source.WEBHOOK,
                (event.occurredAt() != null) ? event.occurredAt() : this.clock.instant());
    }

    private static ErrorResponseException invalid(String field, String message) {
        ErrorResponseException ex = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Field '" + field + "' " + message + ".");
        ex.getBody().setProperty("errors", List.of(new FieldProblem(field, message)));
        return ex;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** The body a provider posts. */
    record Events(List<Event> events) {
    }

    /**
     * One event, in the generic shape.
     *
     * @param id the provider's id for the event: the same event posted again is recorded once
     * @param type {@code bounce}, {@code complaint} or {@code delivery}
     * @param bounceType {@code hard} or {@code soft}, for a bounce
     * @param email the recipient's address
     * @param returnPath the envelope sender the email was sent with (our VERP bounce address), which names the email
     * @param messageId the email's Message-ID, when the provider reports that instead
     * @param status the enhanced status code, such as {@code 5.1.1}
     * @param diagnostic the receiving server's words
     * @param occurredAt when it happened
     */
    record Event(String id, String type, String bounceType, String email, String returnPath, String messageId,
            String status, String diagnostic, Instant occurredAt) {
    }

    record Result(int recorded, int duplicates) {
    }

    record FieldProblem(String field, String message) {
    }

}
