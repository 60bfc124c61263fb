package dev.stillpoint.booking.appointment;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

/** The JSON body of {@code POST /api/bookings/{id}/reschedule}. */
record RescheduleRequest(@NotNull OffsetDateTime startsAt) {
}
