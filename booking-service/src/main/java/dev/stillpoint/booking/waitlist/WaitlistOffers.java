package dev.stillpoint.booking.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingConflictException;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.BookingProperties;
import dev.stillpoint.booking.appointment.NewBooking;
import dev.stillpoint.booking.availability.Availability;
import dev.stillpoint.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers freed times to the waitlist, first come, first served. A time that comes free (a booking cancelled,
 * declined or moved away) is offered to every waiting client whose wishes it fits, while it is free for the session
 * they asked for and starts after the cancellation notice period; the first to click their offer books it, and each
 * of the others is told it went, as is everyone offered a time that a booking took meanwhile.
 */
@Service
public class WaitlistOffers {

    private static final Logger logger = LoggerFactory.getLogger(WaitlistOffers.class);

    private final WaitlistRepository waitlist;

    private final WaitlistEvents events;

    private final Availability availability;

    private final BookingManagement bookings;

    private final Outbox outbox;

    private final Duration notice;

    private final Clock clock;

    WaitlistOffers(WaitlistRepository waitlist, WaitlistEvents events, Availability availability,
            BookingManagement bookings, Outbox outbox, BookingProperties properties, Clock clock) {
        this.waitlist = waitlist;
        this.events = events;
        this.availability = availability;
        this.bookings = bookings;
        this.outbox = outbox;
        this.notice = properties.cancellationNotice();
        this.clock = clock;
    }

    /** The time starting at {@code start} came free: offers it to each waiting client it fits; answers how many. */
    @Transactional
    public int freed(Instant start) {
        Instant now = this.clock.instant();
        if (!start.isAfter(now.plus(this.notice))) {
            return 0;
        }
        int offered = 0;
        for (WaitlistEntry entry : this.waitlist.waitingAround(start)) {
            if (entry.wish().fits(start) && isFree(entry, start)) {
                Offer offer = new Offer(UUID.randomUUID(), entry.id(), start, start.plus(entry.sessionType().length()),
                        Offer.OPEN, null);
                if (this.waitlist.offer(offer.id(), entry.id(), offer.startsAt(), offer.endsAt(), now)) {
                    this.outbox.append(this.events.made(offer, entry, now));
                    offered++;
                }
            }
        }
        if (offered > 0) {
            logger.info("A freed time at {} was offered to {} waitlisted client(s)", start, offered);
        }
        return offered;
    }

    /** A booking now holds {@code [start, end)}: the open offers it overlaps are gone, and their clients are told. */
    @Transactional
    public void taken(Instant start, Instant end) {
        Instant now = this.clock.instant();
        for (Offer offer : this.waitlist.closeOverlapping(start, end, now)) {
            this.waitlist.find(offer.entryId()).filter(WaitlistEntry::waiting)
                .ifPresent((entry) -> this.outbox.append(this.events.withdrawn(offer, entry, now)));
        }
    }

    /**
     * Books the offered time for its client, if it is still open and free and outside the notice period: the
     * booking's own events follow (a confirmation, or a hold for review), the client leaves the waitlist, and the
     * others offered the time are told it went.
     *
     * @throws OfferClosedException if it cannot be booked any more, saying why
     */
    @Transactional
    public Booking take(UUID offerId) {
        Instant now = this.clock.instant();
        Offer offer = this.waitlist.lockOffer(offerId).orElseThrow(() -> new OfferClosedException("unknown"));
        WaitlistEntry entry = this.waitlist.find(offer.entryId()).filter(WaitlistEntry::waiting)
            .orElseThrow(() -> new OfferClosedException("left"));
        if (!offer.open()) {
            throw new OfferClosedException("gone");
        }
        if (!offer.startsAt().isAfter(now.plus(this.notice))) {
            throw new OfferClosedException("too-late");
        }
        Booking booking;
        try {
            booking = this.bookings.book(new NewBooking(entry.client(), entry.sessionType(), offer.startsAt(), false,
                    entry.screening()));
        }
        catch (BookingConflictException ex) {
            throw new OfferClosedException("gone");
        }
        this.waitlist.booked(offerId, booking.id(), now);
        taken(booking.startsAt(), booking.endsAt());
        this.waitlist.closeOffersOf(entry.id(), now);
        this.waitlist.close(entry.id(), "BOOKED", now);
        logger.info("Waitlist offer {} booked as {}", offerId, booking.id());
        return booking;
    }

    /** How long before a session it can no longer be booked online, nor offered. */
    public Duration notice() {
        return this.notice;
    }

    public Offer find(UUID offerId) {
        return this.waitlist.findOffer(offerId).orElseThrow(() -> new OfferClosedException("unknown"));
    }

    private boolean isFree(WaitlistEntry entry, Instant start) {
        return this.availability.freeStarts(entry.sessionType(), 1, start, start.plusSeconds(1), null).contains(start);
    }

    /** An offer that can no longer be booked: {@code gone}, {@code too-late}, {@code left} or {@code unknown}. */
    public static final class OfferClosedException extends RuntimeException {

        private final String reason;

        OfferClosedException(String reason) {
            super("The offer cannot be booked: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return this.reason;
        }

    }

}
