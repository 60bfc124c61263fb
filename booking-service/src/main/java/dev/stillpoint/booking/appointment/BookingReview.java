package dev.stillpoint.booking.appointment;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.outbox.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practitioner's decisions on bookings held because of a screening answer: approve, which confirms the session,
 * or decline, which frees its time. Either way the client is told, without a reason and without their answers. A
 * weekly series is held session by session and can be decided whole.
 */
@Service
public class BookingReview {

    private final BookingRepository bookings;

    private final BookingRules rules;

    private final BookingEvents events;

    private final Outbox outbox;

    private final Clock clock;

    BookingReview(BookingRepository bookings, BookingRules rules, BookingEvents events, Outbox outbox, Clock clock) {
        this.bookings = bookings;
        this.rules = rules;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Booking approve(UUID id) {
        return decide(lock(id), true);
    }

    @Transactional
    public Booking decline(UUID id) {
        return decide(lock(id), false);
    }

    /** Approves every session of the series still held and not yet started; either all of them or none. */
    @Transactional
    public List<Booking> approveSeries(UUID seriesId) {
        return heldOf(seriesId).stream().map((booking) -> decide(lock(booking.id()), true)).toList();
    }

    /** Declines every session of the series still held and not yet started; either all of them or none. */
    @Transactional
    public List<Booking> declineSeries(UUID seriesId) {
        return heldOf(seriesId).stream().map((booking) -> decide(lock(booking.id()), false)).toList();
    }

    private List<Booking> heldOf(UUID seriesId) {
        List<Booking> series = this.bookings.findBySeries(seriesId);
        if (series.isEmpty()) {
            throw new BookingNotFoundException("No booking series " + seriesId + ".");
        }
        List<Booking> held = series.stream()
            .filter((booking) -> booking.status() == BookingStatus.PENDING_REVIEW
                    && booking.startsAt().isAfter(this.clock.instant()))
            .toList();
        if (held.isEmpty()) {
            throw new BookingConflictException("No session of this series waits for review.");
        }
        return held;
    }

    private Booking decide(Booking booking, boolean approve) {
        String change = approve ? "approved" : "declined";
        this.rules.checkUpcoming(booking, change);
        if (booking.status() != BookingStatus.PENDING_REVIEW) {
            throw new BookingConflictException("Only a booking held for review can be " + change + "; this one is "
                    + booking.status() + ".");
        }
        Booking decided = booking.withStatus(approve ? BookingStatus.CONFIRMED : BookingStatus.DECLINED,
                this.clock.instant());
        this.bookings.update(decided);
        this.outbox.append(approve ? this.events.confirmed(decided, true) : this.events.declined(decided));
        return decided;
    }

    private Booking lock(UUID id) {
        return this.bookings.lockById(id).orElseThrow(() -> new BookingNotFoundException(id));
    }

}
