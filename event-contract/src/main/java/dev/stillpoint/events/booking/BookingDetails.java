package dev.stillpoint.events.booking;

import java.net.URI;
import java.time.Instant;

/**
 * A booking as it stands after an event.
 *
 * @param client who the session is for
 * @param sessionType {@code CST_60} or {@code CST_75}
 * @param bookedMinutes how long the appointment is
 * @param handsOnMinutes how much of it is hands-on treatment
 * @param startsAt start of the appointment
 * @param endsAt end of the appointment ({@code startsAt + bookedMinutes})
 * @param status {@code CONFIRMED}, {@code PENDING_REVIEW} or {@code CANCELLED}
 * @param newsletterOptIn whether the client asked to join the quarterly newsletter
 * @param manageUrl where the client can see, reschedule or cancel the booking
 */
public record BookingDetails(Client client, String sessionType, int bookedMinutes, int handsOnMinutes,
        Instant startsAt, Instant endsAt, String status, boolean newsletterOptIn, URI manageUrl) {

    /**
     * @param name as the client gave it
     * @param email where notifications go
     * @param timeZone IANA zone id, e.g. {@code Europe/London}: every time shown to the client is in it
     */
    public record Client(String name, String email, String timeZone) {
    }

}
