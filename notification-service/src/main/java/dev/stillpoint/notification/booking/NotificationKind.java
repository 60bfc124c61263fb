package dev.stillpoint.notification.booking;

import java.util.Arrays;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.BookingRescheduled;

/** The emails a booking event causes; each template name is the name of its files under templates/mail. */
enum NotificationKind {

    BOOKING_CONFIRMED(Templates.BOOKING_CONFIRMED, true),
    BOOKING_HELD(Templates.BOOKING_HELD, false),
    BOOKING_RESCHEDULED(Templates.BOOKING_RESCHEDULED, true),
    BOOKING_CANCELLED(Templates.BOOKING_CANCELLED, true),
    BOOKING_DECLINED(Templates.BOOKING_DECLINED, false);

    private final String template;

    private final boolean invite;

    NotificationKind(String template, boolean invite) {
        this.template = template;
        this.invite = invite;
    }

    String template() {
        return this.template;
    }

    /** Whether the email carries a calendar invitation (or its cancellation). */
    boolean hasInvite() {
        return this.invite;
    }

    static boolean isKind(String name) {
        return Arrays.stream(values()).anyMatch((kind) -> kind.name().equals(name));
    }

    static NotificationKind of(BookingEvent event) {
        if (event instanceof BookingConfirmed) {
            return BOOKING_CONFIRMED;
        }
        if (event instanceof BookingHeldForReview) {
            return BOOKING_HELD;
        }
        if (event instanceof BookingRescheduled) {
            return BOOKING_RESCHEDULED;
        }
        if (event instanceof BookingCancelled) {
            return BOOKING_CANCELLED;
        }
        if (event instanceof BookingDeclined) {
            return BOOKING_DECLINED;
        }
        throw new IllegalArgumentException("No notification for " + event.getClass().getSimpleName());
    }

    static final class Templates {

        static final String BOOKING_CONFIRMED = "booking-confirmed";

        static final String BOOKING_HELD = "booking-held";

        static final String BOOKING_RESCHEDULED = "booking-rescheduled";

        static final String BOOKING_CANCELLED = "booking-cancelled";

        static final String BOOKING_DECLINED = "booking-declined";

        private Templates() {
        }

    }

}
