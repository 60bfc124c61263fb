package dev.stillpoint.events.waitlist;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;

/**
 * A freed time offered to one waitlisted client.
 *
 * @param offerId the offer, and the record key
 * @param client who it is offered to
 * @param sessionType {@code CST_60} or {@code CST_75}, as they asked
 * @param bookedMinutes how long the appointment is
 * @param handsOnMinutes how much of it is hands-on treatment
 * @param startsAt start of the freed time
 * @param endsAt end of the session it would be
 * @param offerUrl the signed link to the offer, where one click books it if it is still free
 * @param leaveUrl the signed link to leave the waitlist
 */
public record WaitlistOffer(UUID offerId, BookingDetails.Client client, String sessionType, int bookedMinutes,
        int handsOnMinutes, Instant startsAt, Instant endsAt, URI offerUrl, URI leaveUrl) {
}
