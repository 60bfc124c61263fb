package dev.stillpoint.events.booking;

import java.util.Arrays;
import java.util.Optional;

/**
 * The versioned {@code ce_type} of each booking event: the header a consumer reads to know which record type the
 * JSON body is.
 */
public enum BookingEventType {

    CONFIRMED("dev.stillpoint.booking.confirmed.v1", BookingConfirmed.class),
    HELD_FOR_REVIEW("dev.stillpoint.booking.held-for-review.v1", BookingHeldForReview.class),
    RESCHEDULED("dev.stillpoint.booking.rescheduled.v1", BookingRescheduled.class),
    CANCELLED("dev.stillpoint.booking.cancelled.v1", BookingCancelled.class),
    DECLINED("dev.stillpoint.booking.declined.v1", BookingDeclined.class);

    private final String ceType;

    private final Class<? extends BookingEvent> javaType;

    BookingEventType(String ceType, Class<? extends BookingEvent> javaType) {
        this.ceType = ceType;
        this.javaType = javaType;
    }

    public String ceType() {
        return this.ceType;
    }

    public Class<? extends BookingEvent> javaType() {
        return this.javaType;
    }

    public static BookingEventType of(BookingEvent event) {
        return Arrays.stream(values()).filter((type) -> type.javaType == event.getClass()).findFirst()
            .orElseThrow();
    }

    public static Optional<BookingEventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter((type) -> type.ceType.equals(ceType)).findFirst();
    }

}
