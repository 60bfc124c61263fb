package dev.stillpoint.booking.appointment;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A booking as the API shows it; times are in the client's own time zone. */
public record BookingResponse(UUID id, BookingStatus status, String sessionType, int bookedMinutes, int handsOnMinutes,
        OffsetDateTime startsAt, OffsetDateTime endsAt, ClientResponse client, boolean newsletterOptIn,
        BookingSeries series, long version, URI manageUrl, String manageToken) {

    /** The booking with its manage link, and the token alone for the API's {@code X-Manage-Token} header. */
    public static BookingResponse of(Booking booking, ManageLinks links) {
        Client client = booking.client();
        return new BookingResponse(booking.id(), booking.status(), booking.sessionType().name(),
                booking.sessionType().bookedMinutes(), booking.sessionType().handsOnMinutes(),
                booking.startsAt().atZone(client.timeZone()).toOffsetDateTime(),
                booking.endsAt().atZone(client.timeZone()).toOffsetDateTime(),
                new ClientResponse(client.name(), client.email(), client.timeZone().getId()), booking.newsletterOptIn(),
                booking.series(), booking.version(), links.manageUrl(booking.id()), links.token(booking.id()));
    }

    public record ClientResponse(String name, String email, String timeZone) {
    }

}
