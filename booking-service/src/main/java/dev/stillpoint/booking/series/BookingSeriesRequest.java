package dev.stillpoint.booking.series;

import java.time.OffsetDateTime;

import dev.stillpoint.booking.appointment.BookingRequest;
import dev.stillpoint.booking.appointment.NewBooking;
import dev.stillpoint.booking.session.SessionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The JSON body of {@code POST /api/booking-series}: a booking request, and how many weekly sessions to book.
 *
 * @param sessions 5 or 10
 */
record BookingSeriesRequest(@NotNull @Valid BookingRequest.ClientRequest client, @NotNull SessionType sessionType,
        @NotNull OffsetDateTime startsAt, Boolean newsletterOptIn, @NotNull @Valid BookingRequest.ScreeningRequest screening,
        @NotNull @SeriesLength Integer sessions) {

    NewBooking firstSession() {
        return new BookingRequest(this.client, this.sessionType, this.startsAt, this.newsletterOptIn, this.screening)
            .toNewBooking();
    }

}
