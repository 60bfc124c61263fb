package dev.stillpoint.events.catalog;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTests {

    @Test
    void everyTypeIsVersionedAndNamesOneRecord() {
        assertThat(EventTypes.all()).hasSize(14);
        assertThat(EventTypes.all().keySet()).allMatch((ceType) -> ceType.matches("dev\\.stillpoint\\.[a-z]+\\.[a-z-]+\\.v\\d+"));
        assertThat(EventTypes.all().values()).doesNotHaveDuplicates();
    }

    @Test
    void aTypeNamesItsRecordAndAnUnknownOneNone() {
        assertThat(EventTypes.javaType("dev.stillpoint.booking.cancelled.v1")).contains(BookingCancelled.class);
        assertThat(EventTypes.javaType(MailTopics.EMAIL_BOUNCED_TYPE)).contains(EmailBounced.class);
        assertThat(EventTypes.javaType("dev.stillpoint.booking.cancelled.v9")).isEmpty();
    }

}
