package dev.stillpoint.events.booking;

import dev.stillpoint.events.DeadLetterTopics;

/**
 * The topics booking events travel on. Records are keyed by booking id, so all events of one booking stay in order
 * on one partition.
 */
public final class BookingTopics {

    /** Every change to a booking, as one of the {@link BookingEvent} types. */
    public static final String BOOKING_EVENTS = "booking.events";

    /** Partitions of {@link #BOOKING_EVENTS}: the most consumer instances that can share one group's work. */
    public static final int BOOKING_EVENTS_PARTITIONS = 3;

    /** Where a consumer parks a booking event it cannot process, with the reason in the record's headers. */
    public static final String BOOKING_EVENTS_DEAD_LETTER = DeadLetterTopics.of(BOOKING_EVENTS);

    /** The {@code ce_source} of every booking event. */
    public static final String SOURCE = "/stillpoint/booking-service";

    private BookingTopics() {
    }

}
