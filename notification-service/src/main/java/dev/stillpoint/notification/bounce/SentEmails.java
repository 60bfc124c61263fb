package dev.stillpoint.notification.bounce;

import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.events.privacy.PrivacyTopics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our emails, found by the token a bounce names them with (an index on {@code bounce_token(message_id)}). */
@Repository
class SentEmails {

    private final JdbcClient jdbc;

    SentEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SentEmail> byToken(String token) {
        return this.jdbc.sql("""
                select id, booking_id, booking_version, kind, recipient, event_type, event::text as event
                from notification where bounce_token(message_id) = ?""")
            .param(token)
            .query((rs, row) -> new SentEmail(rs.getObject("id", UUID.class), rs.getObject("booking_id", UUID.class),
                    rs.getLong("booking_version"), rs.getString("kind"), rs.getString("recipient"),
                    rs.getString("event_type"), rs.getString("event")))
            .optional();
    }

    /** One of our emails, as the notification table has it. */
    record SentEmail(UUID id, UUID bookingId, long bookingVersion, String kind, String recipient, String eventType,
            String event) {

        /** The recipient's hash; none for an email to several (the practice's). */
        Optional<String> emailHash() {
            if (this.recipient.contains(",")) {
                return Optional.empty();
            }
            return Optional.of(this.recipient.startsWith("sha256:") ? this.recipient.substring("sha256:".length())
                    : PrivacyTopics.emailHash(this.recipient));
        }

        /** A client's email about a booking, whose event is still kept (retention reduces it after a month). */
        boolean isClientBookingEmail() {
            return !this.kind.startsWith("STAFF_") && this.eventType.startsWith("dev.stillpoint.booking.")
                    && !this.recipient.startsWith("sha256:");
        }

    }

}
