package dev.stillpoint.booking.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.booking.outbox.Outbox;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, reschedules, cancels and approves sessions. Each change is stored together with the event announcing it,
 * in one transaction.
 */
@Service
public class BookingManagement {

    private final BookingRepository bookings;

    private final BookingRules rules;

    private final BookingEvents events;

    private final Outbox outbox;

    private final Clock clock;

    BookingManagement(BookingRepository bookings, BookingRules rules, BookingEvents events, Outbox outbox, Clock clock) {
        this.bookings = bookings;
        this.rules = rules;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Booking book(NewBooking request) {
        this.rules.checkStart(request.startsAt(), request.sessionType());
        Booking booking = Booking.create(UUID.randomUUID(), request.client(), request.sessionType(), request.startsAt(),
                request.newsletterOptIn(), request.screening(), this.clock.instant());
        ensureSlotFree(booking);
        try {
            this.bookings.insert(booking);
        }
        catch (DataIntegrityViolationException ex) {
            throw slotTaken(ex);
        }
        this.outbox.append(this.events.created(booking));
        return booking;
    }

    @Transactional(readOnly = true)
    public Booking find(UUID id) {
        return this.bookings.findById(id).orElseThrow(() -> new BookingNotFoundException(id));
    }

    @Transactional
    public Booking reschedule(UUID id, Instant newStart) {
        Booking booking = lockUpcoming(id, "rescheduled");
        if (booking.startsAt().equals(newStart)) {
            return booking;
        }
        this.rules.checkStart(newStart, booking.sessionType());
        Booking rescheduled = booking.rescheduledTo(newStart, this.clock.instant());
        ensureSlotFree(rescheduled);
        try {
            this.bookings.update(rescheduled);
        }
        catch (DataIntegrityViolationException ex) {
            throw slotTaken(ex);
        }
        this.outbox.append(this.events.rescheduled(rescheduled, booking.startsAt()));
        return rescheduled;
    }

    /** Cancels a booking; cancelling one that is already cancelled changes nothing. */
    @Transactional
    public Booking cancel(UUID id) {
        Booking booking = lock(id);
        if (booking.isCancelled()) {
            return booking;
        }
        checkUpcoming(booking, "cancelled");
        Booking cancelled = booking.withStatus(BookingStatus.CANCELLED, this.clock.instant());
        this.bookings.update(cancelled);
        this.outbox.append(this.events.cancelled(cancelled));
        return cancelled;
    }

    /** The practitioner confirms a booking that was held because of a screening answer. */
    @Transactional
    public Booking approve(UUID id) {
        Booking booking = lockUpcoming(id, "approved");
        if (booking.status() != BookingStatus.PENDING_REVIEW) {
            throw new BookingConflictException("Only a booking held for review can be approved; this one is "
                    + booking.status() + ".");
        }
        Booking approved = booking.withStatus(BookingStatus.CONFIRMED, this.clock.instant());
        this.bookings.update(approved);
        this.outbox.append(this.events.confirmed(approved, true));
        return approved;
    }

    private Booking lock(UUID id) {
        return this.bookings.lockById(id).orElseThrow(() -> new BookingNotFoundException(id));
    }

    private Booking lockUpcoming(UUID id, String change) {
        return checkUpcoming(lock(id), change);
    }

    private Booking checkUpcoming(Booking booking, String change) {
        if (booking.isCancelled()) {
            throw new BookingConflictException("This booking is cancelled and cannot be " + change + ".");
        }
        if (!booking.startsAt().isAfter(this.clock.instant())) {
            throw new BookingConflictException("This session has already started and cannot be " + change + ".");
        }
        return booking;
    }

    private void ensureSlotFree(Booking booking) {
        if (this.bookings.overlapsAnother(booking.startsAt(), booking.endsAt(), booking.id())) {
            throw new BookingConflictException("That time is already booked. Please choose another time.");
        }
    }

    private static RuntimeException slotTaken(DataIntegrityViolationException ex) {
        String message = String.valueOf(ex.getMessage());
        return message.contains("booking_no_overlap")
                ? new BookingConflictException("That time was booked a moment ago. Please choose another time.") : ex;
    }

}
