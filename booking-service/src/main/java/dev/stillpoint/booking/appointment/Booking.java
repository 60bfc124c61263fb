package dev.stillpoint.booking.appointment;

import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.booking.session.SessionType;

/**
 * A booked session. Immutable: every change returns the next state with its {@link #version()} raised by one, which
 * is the version its event carries.
 */
public record Booking(UUID id, Client client, SessionType sessionType, Instant startsAt, BookingStatus status,
        boolean newsletterOptIn, Screening screening, BookingSeries series, long version, Instant createdAt,
        Instant updatedAt) {

    /** A new booking as requested; {@code series} is {@code null} for a single session. */
    static Booking create(UUID id, NewBooking request, BookingSeries series, Instant now) {
        BookingStatus status = request.screening().needsReview() ? BookingStatus.PENDING_REVIEW : BookingStatus.CONFIRMED;
        return new Booking(id, request.client(), request.sessionType(), request.startsAt(), status,
                request.newsletterOptIn(), request.screening(), series, 1, now, now);
    }

    public Instant endsAt() {
        return this.startsAt.plus(this.sessionType.length());
    }

    public boolean isCancelled() {
        return this.status == BookingStatus.CANCELLED;
    }

    /** Whether the booking still holds its time: confirmed, or held for the practitioner's review. */
    public boolean isLive() {
        return this.status.isLive();
    }

    Booking rescheduledTo(Instant newStart, Instant now) {
        return new Booking(this.id, this.client, this.sessionType, newStart, this.status, this.newsletterOptIn,
                this.screening, this.series, this.version + 1, this.createdAt, now);
    }

    Booking withStatus(BookingStatus newStatus, Instant now) {
        return new Booking(this.id, this.client, this.sessionType, this.startsAt, newStatus, this.newsletterOptIn,
                this.screening, this.series, this.version + 1, this.createdAt, now);
    }

}
