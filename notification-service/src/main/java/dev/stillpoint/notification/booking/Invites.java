package dev.stillpoint.notification.booking;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.notification.mail.CalendarInvite;
import dev.stillpoint.notification.mail.SessionEmailModel;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Component;

/** The calendar event of a booking as an event left it: its stable UID, its SEQUENCE, what and where. */
@Component
class Invites {

    private final PracticeProperties practice;

    Invites(PracticeProperties practice) {
        this.practice = practice;
    }

    CalendarInvite of(BookingEvent event) {
        BookingDetails booking = event.booking();
        String domain = this.practice.email().substring(this.practice.email().indexOf('@') + 1);
        String description = SessionEmailModel.SESSION_TITLE + ": " + booking.bookedMinutes() + " minutes, " + booking.handsOnMinutes()
                + " of them hands-on. Wear comfortable clothing without belts, buttons or tight jeans; come well "
                + "hydrated and bring water for after. To reschedule or cancel, use the link in your email or call "
                + this.practice.phone() + ".";
        return new CalendarInvite(CalendarInvite.uid(event.bookingId(), domain),
                event.bookingVersion() - 1, event instanceof BookingCancelled, event.occurredAt(), booking.startsAt(),
                booking.endsAt(), SessionEmailModel.SESSION_TITLE + " with " + this.practice.name(), description,
                this.practice.address(), this.practice.name(), this.practice.email(), booking.client().name(),
                booking.client().email());
    }

}
