package dev.stillpoint.events.booking;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookingEventTypeTests {

    @Test
    void everyEventRecordHasExactlyOneVersionedType() {
        assertThat(BookingEvent.class.getPermittedSubclasses())
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(BookingEventType.values()).map(BookingEventType::javaType).toList());
        assertThat(BookingEventType.values()).extracting(BookingEventType::ceType)
            .doesNotHaveDuplicates()
            .allMatch((ceType) -> ceType.matches("dev\\.stillpoint\\.booking\\.[a-z-]+\\.v\\d+"));
    }

    @Test
    void resolvesTypeFromHeaderValue() {
        assertThat(BookingEventType.fromCeType("dev.stillpoint.booking.rescheduled.v1"))
            .contains(BookingEventType.RESCHEDULED);
        assertThat(BookingEventType.fromCeType("dev.stillpoint.booking.rescheduled.v9")).isEmpty();
    }

}
