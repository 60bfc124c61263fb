package dev.stillpoint.notification.booking;

import java.util.Arrays;
import java.util.Optional;

import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingHeldForReview;

/**
 * The emails a weekly series gets as a whole, instead of one per session: its confirmation, that it is held for
 * review, and the practitioner's decision on it. Each template name is the name of its files under templates/mail.
 */
enum SeriesNotice {

    /** Booked and confirmed at once: once every session's confirmation is in. */
    SERIES_CONFIRMED("series-confirmed", "in the one confirmation of the weekly series"),

    /** Held for the practitioner to review: once every session is held. */
    SERIES_HELD("series-held", "in the one email saying the weekly series is held for review"),

    /** Approved or declined after review: once no session waits for a decision any more. */
    SERIES_DECIDED("series-decided", "in the one email with the decision on the weekly series");

    private final String template;

    private final String skipReason;

    SeriesNotice(String template, String skipReason) {
        this.template = template;
        this.skipReason = skipReason;
    }

    String template() {
        return this.template;
    }

    /** Why a session's own email gives way to this one, as its timeline says. */
    String skipReason() {
        return this.skipReason;
    }

    static boolean isKind(String name) {
        return Arrays.stream(values()).anyMatch((notice) -> notice.name().equals(name));
    }

    /** The series email that takes the place of {@code event}'s own, if it is about a session of a series. */
    static Optional<SeriesNotice> of(BookingEvent event) {
        if (event.booking().series() == null) {
            return Optional.empty();
        }
        if (event instanceof BookingConfirmed confirmed) {
            return Optional.of(confirmed.afterReview() ? SERIES_DECIDED : SERIES_CONFIRMED)
                .filter((notice) -> notice == SERIES_DECIDED || confirmed.bookingVersion() == 1);
        }
        if (event instanceof BookingHeldForReview) {
            return Optional.of(SERIES_HELD);
        }
        if (event instanceof BookingDeclined) {
            return Optional.of(SERIES_DECIDED);
        }
        return Optional.empty();
    }

    /** Whether a session whose newest event is {@code event} counts towards this email. */
    boolean counts(BookingEvent event) {
        return switch (this) {
            case SERIES_CONFIRMED -> event instanceof BookingConfirmed confirmed && !confirmed.afterReview();
            case SERIES_HELD -> event instanceof BookingHeldForReview;
            // decided, or cancelled by the client while it waited (or moved since): no longer waiting for review
            case SERIES_DECIDED -> !"PENDING_REVIEW".equals(event.booking().status());
        };
    }

}
