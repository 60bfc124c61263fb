package dev.stillpoint.notification.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.notification.delivery.DeliveryLog;
import dev.stillpoint.notification.delivery.DeliveryLog.LoggedNotification;
import dev.stillpoint.notification.delivery.NotificationStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every email of a booking, sent or planned, with when it is due in UTC and in the client's own time. */
@RestController
class NotificationTimelineController {

    private final DeliveryLog log;

    NotificationTimelineController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/bookings/{bookingId}/notifications")
    Timeline timeline(@PathVariable UUID bookingId) {
        List<LoggedNotification> notifications = this.log.forBooking(bookingId);
        if (notifications.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No notifications are known for booking " + bookingId + ".");
            problem.setTitle("Booking not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        LoggedNotification latest = notifications.stream()
            .max((a, b) -> Long.compare(a.bookingVersion(), b.bookingVersion())).orElseThrow();
        return new Timeline(bookingId, latest.recipient(), latest.timeZone(),
                notifications.stream().map(Step::of).toList());
    }

    record Timeline(UUID bookingId, String recipient, String timeZone, List<Step> notifications) {
    }

    /**
     * @param dueAtLocal {@code dueAt} in the client's time zone
     * @param messageId the Message-ID the email has (or will have); none for a step that will never be sent
     * @param bounce the bounce or complaint that came back for it, with its status and diagnostic code
     */
    record Step(String kind, NotificationStatus status, String reason, long bookingVersion, Instant dueAt,
            OffsetDateTime dueAtLocal, Instant sentAt, OffsetDateTime sentAtLocal, String messageId, int attempts,
            String lastError, String bounce, Instant bouncedAt) {

        static Step of(LoggedNotification notification) {
            ZoneId zone = ZoneId.of(notification.timeZone());
            return new Step(notification.kind(), notification.status(), notification.reason(),
                    notification.bookingVersion(), notification.dueAt(), local(notification.dueAt(), zone),
                    notification.sentAt(), local(notification.sentAt(), zone), neverSent(notification) ? null
                            : notification.messageId(), notification.attempts(), notification.lastError(),
                    notification.bounce(), notification.bouncedAt());
        }

        private static boolean neverSent(LoggedNotification notification) {
            return notification.sentAt() == null && (notification.status() == NotificationStatus.SKIPPED
                    || notification.status() == NotificationStatus.CANCELLED);
        }

        private static OffsetDateTime local(Instant instant, ZoneId zone) {
            return (instant != null) ? instant.atZone(zone).toOffsetDateTime() : null;
        }

    }

}
