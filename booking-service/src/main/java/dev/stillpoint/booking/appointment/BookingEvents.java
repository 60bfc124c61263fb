package dev.stillpoint.booking.appointment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.booking.ChangedBy;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.outbox.OutboxMessage;

import org.springframework.stereotype.Component;

/** Turns a booking's new state into the contract event that announces it, ready for the outbox. */
@Component
class BookingEvents {

    private final ManageLinks manageLinks;

    private final Clock clock;

    BookingEvents(ManageLinks manageLinks, Clock clock) {
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    OutboxMessage created(Booking booking) {
        return (booking.status() == BookingStatus.PENDING_REVIEW)
                ? message(new BookingHeldForReview(UUID.randomUUID(), booking.id(), booking.version(), now(), details(booking)))
                : confirmed(booking, false);
    }

    OutboxMessage confirmed(Booking booking, boolean afterReview) {
        return message(new BookingConfirmed(UUID.randomUUID(), booking.id(), booking.version(), now(), details(booking),
                afterReview));
    }

    OutboxMessage rescheduled(Booking booking, Instant previousStartsAt) {
        return message(new BookingRescheduled(UUID.randomUUID(), booking.id(), booking.version(), now(),
                details(booking), previousStartsAt, changedBy()));
    }

    OutboxMessage cancelled(Booking booking) {
        return message(new BookingCancelled(UUID.randomUUID(), booking.id(), booking.version(), now(), details(booking),
                changedBy()));
    }

    OutboxMessage declined(Booking booking) {
        return message(new BookingDeclined(UUID.randomUUID(), booking.id(), booking.version(), now(), details(booking)));
    }

    /** Staff when signed in; anyone else changing a booking holds its manage link: the client. */
    private static ChangedBy changedBy() {
        return Staff.isActing() ? ChangedBy.STAFF : ChangedBy.CLIENT;
    }

    private BookingDetails details(Booking booking) {
        Client client = booking.client();
        return new BookingDetails(new BookingDetails.Client(client.name(), client.email(), client.timeZone().getId()),
                booking.sessionType().name(), booking.sessionType().bookedMinutes(),
                booking.sessionType().handsOnMinutes(), booking.startsAt(), booking.endsAt(), booking.status().name(),
                booking.newsletterOptIn(), this.manageLinks.manageUrl(booking.id()), series(booking.series()),
                this.manageLinks.preferencesUrl(PrivacyTopics.emailHash(client.email())));
    }

    private static BookingDetails.Series series(BookingSeries series) {
        return (series != null) ? new BookingDetails.Series(series.id(), series.occurrence(), series.occurrences()) : null;
    }

    private Instant now() {
        return this.clock.instant();
    }

    private static OutboxMessage message(BookingEvent event) {
        return new OutboxMessage(event.eventId(), BookingTopics.BOOKING_EVENTS, event.bookingId().toString(),
                BookingEventType.of(event).ceType(), BookingTopics.SOURCE, event.occurredAt(), event);
    }

}
