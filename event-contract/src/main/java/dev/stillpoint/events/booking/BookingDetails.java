package dev.stillpoint.events.booking;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking as it stands after an event.
 *
 * @param client who the session is for
 * @param sessionType {@code CST_60} or {@code CST_75}
 * @param bookedMinutes how long the appointment is
 * @param handsOnMinutes how much of it is hands-on treatment
 * @param startsAt start of the appointment
 * @param endsAt end of the appointment ({@code startsAt + bookedMinutes})
 * @param status {@code CONFIRMED}, {@code PENDING_REVIEW}, {@code CANCELLED} or {@code DECLINED}
 * @param newsletterOptIn whether the client asked to join the quarterly newsletter
 * @param manageUrl where the client can see, reschedule or cancel the booking
 * @param series the weekly series this session belongs to; {@code null} for a single session and in events
 * written before series existed (an additive change: v1 readers ignore it)
 * @param preferencesUrl where the client chooses which optional emails they get; unlike the manage link it works
 * after the session too. {@code null} in events written before it existed (additive, as {@code series})
 */
public record BookingDetails(Client client, String sessionType, int bookedMinutes, int handsOnMinutes,
        Instant startsAt, Instant endsAt, String status, boolean newsletterOptIn, URI manageUrl, Series series,
        URI preferencesUrl) {

    /** A booking described without the link to the client's email preferences. */
    public BookingDetails(Client client, String sessionType, int bookedMinutes, int handsOnMinutes, Instant startsAt,
            Instant endsAt, String status, boolean newsletterOptIn, URI manageUrl, Series series) {
        this(client, sessionType, bookedMinutes, handsOnMinutes, startsAt, endsAt, status, newsletterOptIn, manageUrl,
                series, null);
    }

    /** A single session, not part of a series. */
    public BookingDetails(Client client, String sessionType, int bookedMinutes, int handsOnMinutes, Instant startsAt,
            Instant endsAt, String status, boolean newsletterOptIn, URI manageUrl) {
        this(client, sessionType, bookedMinutes, handsOnMinutes, startsAt, endsAt, status, newsletterOptIn, manageUrl,
                null);
    }

    /**
     * @param name as the client gave it
     * @param email where notifications go
     * @param timeZone IANA zone id, e.g. {@code Europe/London}: every time shown to the client is in it
     */
    public record Client(String name, String email, String timeZone) {
    }

    /**
     * A weekly series booked in one request; each occurrence is its own booking.
     *
     * @param id the series, shared by its occurrences
     * @param occurrence this session's place in it, from 1
     * @param occurrences how many sessions were booked in it
     */
    public record Series(UUID id, int occurrence, int occurrences) {
    }

}
