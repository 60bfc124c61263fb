package dev.stillpoint.booking.client;

import java.time.Clock;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.limits.ClientRateLimits;
import dev.stillpoint.support.limits.RateLimitedPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Opens a booking from its manage link: the token must be the booking's own signature, and the link works until the
 * session (as it stands now, after any reschedule) has ended.
 */
@Component
class ManageAccess {

    private final ManageLinks links;

    private final BookingManagement bookings;

    private final ClientRateLimits limits;

    private final Clock clock;

    ManageAccess(ManageLinks links, BookingManagement bookings, ClientRateLimits limits, Clock clock) {
        this.links = links;
        this.bookings = bookings;
        this.limits = limits;
        this.clock = clock;
    }

    /** A move, cancellation or erasure counts against the address's limit; redrawing the page does not. */
    void countChange(HttpServletRequest request) {
        this.limits.tryWrite(PageModel.CHANGES_LIMIT, request).ifPresent((wait) -> {
            throw new RateLimitedPage(wait);
        });
    }

    Booking open(UUID id, String token) {
        if (!this.links.isValid(id, token)) {
            throw new LinkRefusedException(false);
        }
        Booking booking = this.bookings.find(id);
        if (!booking.endsAt().isAfter(this.clock.instant())) {
            throw new LinkRefusedException(true);
        }
        return booking;
    }

    /** The link to the email preferences of the booking's client. */
    String preferencesPath(Booking booking) {
        return this.links.preferencesPath(PrivacyTopics.emailHash(booking.client().email()));
    }

    String path(UUID id) {
        return this.links.managePath(id);
    }

    /** A manage link that was altered or never issued, or one whose session is over. */
    static final class LinkRefusedException extends RuntimeException {

        private final boolean expired;

        LinkRefusedException(boolean expired) {
            super(expired ? "The session of this manage link is over" : "The manage link's token does not match");
            this.expired = expired;
        }

        boolean expired() {
            return this.expired;
        }

    }

}
