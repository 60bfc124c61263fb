package dev.stillpoint.notification.staff;

import java.util.Arrays;
import java.util.Optional;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.events.booking.ChangedBy;

/** The booking events the practice hears about; each template name is the name of its files under templates/mail. */
enum StaffAlertKind {

    STAFF_BOOKING_HELD("staff-booking-held"),
    STAFF_BOOKING_CANCELLED("staff-booking-cancelled"),
    STAFF_BOOKING_RESCHEDULED("staff-booking-rescheduled");

    private final String template;

    StaffAlertKind(String template) {
        this.template = template;
    }

    String template() {
        return this.template;
    }

    static boolean isKind(String name) {
        return Arrays.stream(values()).anyMatch((kind) -> kind.name().equals(name));
    }

    /**
     * The alert an event calls for: a booking held for review (a series once, with its first session), or a session
     * the client (not staff, who know already) cancelled or moved. An event from before its author was recorded
     * counts as the client's.
     */
    static Optional<StaffAlertKind> of(BookingEvent event) {
        if (event instanceof BookingHeldForReview held) {
            // a series is reviewed as a whole: one alert, with its first session
            boolean laterInSeries = held.booking().series() != null && held.booking().series().occurrence() > 1;
            return laterInSeries ? Optional.empty() : Optional.of(STAFF_BOOKING_HELD);
        }
        if (event instanceof BookingCancelled cancelled && cancelled.changedBy() != ChangedBy.STAFF) {
            return Optional.of(STAFF_BOOKING_CANCELLED);
        }
        if (event instanceof BookingRescheduled moved && moved.changedBy() != ChangedBy.STAFF) {
            return Optional.of(STAFF_BOOKING_RESCHEDULED);
        }
        return Optional.empty();
    }

}
