package dev.stillpoint.booking.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * A freed time offered to a waitlisted client.
 *
 * @param status {@code OPEN}, {@code BOOKED} (by this client, as {@code bookingId}) or {@code GONE}
 */
public record Offer(UUID id, UUID entryId, Instant startsAt, Instant endsAt, String status, UUID bookingId) {

    static final String OPEN = "OPEN";

    public boolean open() {
        return OPEN.equals(this.status);
    }

}
