package dev.stillpoint.booking.appointment;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import dev.stillpoint.booking.session.SessionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON body of {@code POST /api/bookings}. */
public record BookingRequest(@NotNull @Valid ClientRequest client, @NotNull SessionType sessionType,
        @NotNull OffsetDateTime startsAt, Boolean newsletterOptIn, @NotNull @Valid ScreeningRequest screening) {

    public NewBooking toNewBooking() {
        return new NewBooking(this.client.toClient(), this.sessionType, this.startsAt.toInstant(),
                Boolean.TRUE.equals(this.newsletterOptIn), this.screening.toScreening());
    }

    public record ClientRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
            @NotBlank @Email @Size(max = 254) String email, @NotBlank @IanaTimeZone String timeZone) {

        public Client toClient() {
            return new Client(this.name.strip(), this.email.strip(), ZoneId.of(this.timeZone));
        }

    }

    /** Every question must be answered, yes or no. */
    public record ScreeningRequest(@NotNull Boolean aneurysm, @NotNull Boolean cerebralHemorrhage,
            @NotNull Boolean bleedingDisorder, @NotNull Boolean intracranialPressure) {

        public Screening toScreening() {
            return new Screening(this.aneurysm, this.cerebralHemorrhage, this.bleedingDisorder, this.intracranialPressure);
        }

    }

}
