package dev.stillpoint.notification.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.notification.IntegrationTestBase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll of booking events is handled in one transaction, as its events would be one by one: a duplicate counts
 * once, a stale event changes nothing, and a move or cancellation later in the batch reaches the steps planned by an
 * earlier event of the same batch.
 */
@SpringBootTest
class BookingEventBatchIntegrationTests extends IntegrationTestBase {

    private static final String ZONE = "Europe/London";

    @Autowired
    BookingNotifications notifications;

    @Test
    void aBatchIsHandledAsItsEventsWouldBeOneByOne() {
        Instant start = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        String movedAddress = "batch-moved-" + moved.toString().substring(0, 8) + "@example.com";
        String cancelledAddress = "batch-cancelled-" + cancelled.toString().substring(0, 8) + "@example.com";
        BookingConfirmed confirmed = confirmed(moved, movedAddress, start);
        BookingRescheduled rescheduled = new BookingRescheduled(UUID.randomUUID(), moved, 2, Instant.now(),
                BookingEventFixtures.details(moved, movedAddress, ZONE, start.plus(Duration.ofDays(1)), "CONFIRMED"),
                start);
        BookingConfirmed stale = confirmed(moved, movedAddress, start);
        BookingConfirmed thenCancelled = confirmed(cancelled, cancelledAddress, start);
        BookingCancelled cancellation = new BookingCancelled(UUID.randomUUID(), cancelled, 2, Instant.now(),
                BookingEventFixtures.details(cancelled, cancelledAddress, ZONE, start, "CANCELLED"));

        this.notifications.handle(received(confirmed, confirmed, thenCancelled, rescheduled, stale, cancellation));

        assertThat(statuses(moved, 1)).containsExactlyInAnyOrderEntriesOf(Map.of("BOOKING_CONFIRMED", "QUEUED",
                "HYDRATION_REMINDER", "CANCELLED", "MORNING_OF", "CANCELLED", "AFTERCARE", "CANCELLED",
                "INTEGRATION_CHECK_IN", "CANCELLED"));
        // a move not known to be staff's is announced to the practice
        assertThat(statuses(moved, 2)).containsExactlyInAnyOrderEntriesOf(Map.of("BOOKING_RESCHEDULED", "QUEUED",
                "STAFF_BOOKING_RESCHEDULED", "QUEUED", "HYDRATION_REMINDER", "SCHEDULED", "MORNING_OF", "SCHEDULED", "AFTERCARE", "SCHEDULED",
                "INTEGRATION_CHECK_IN", "SCHEDULED"));
        assertThat(executions(moved)).isEqualTo(4);
        assertThat(statuses(cancelled, 1)).containsExactlyInAnyOrderEntriesOf(Map.of("BOOKING_CONFIRMED", "QUEUED",
                "HYDRATION_REMINDER", "CANCELLED", "MORNING_OF", "CANCELLED", "AFTERCARE", "CANCELLED",
                "INTEGRATION_CHECK_IN", "CANCELLED"));
        assertThat(statuses(cancelled, 2)).containsExactlyInAnyOrderEntriesOf(Map.of("BOOKING_CANCELLED", "QUEUED",
                "STAFF_BOOKING_CANCELLED", "QUEUED"));
        assertThat(executions(cancelled)).isZero();
        assertThat(this.jdbc.sql("select count(*) from processed_event where booking_id in (?, ?)")
            .params(moved, cancelled).query(Integer.class).single()).isEqualTo(5);

        assertThat(awaitEmails(movedAddress, 2)).extracting(MimeMessage::getSubject)
            .allSatisfy((subject) -> assertThat(subject).doesNotContain("Cancelled"));
        assertThat(awaitEmails(cancelledAddress, 2)).extracting(MimeMessage::getSubject)
            .last().asString().startsWith("Cancelled");
    }

    private static BookingConfirmed confirmed(UUID bookingId, String address, Instant start) {
        return new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(),
                BookingEventFixtures.details(bookingId, address, ZONE, start, "CONFIRMED"), false);
    }

    private static List<ReceivedEvent> received(BookingEvent... events) {
        return Arrays.stream(events).map((event) -> new ReceivedEvent(event, null)).toList();
    }

    private Map<String, String> statuses(UUID bookingId, long version) {
        // an email due now may be sent already
        return this.jdbc.sql("select kind, case when status in ('PENDING', 'SENT') then 'QUEUED' else status end as status "
                + "from notification where booking_id = ? and booking_version = ?")
            .params(bookingId, version)
            .query((rs, row) -> Map.entry(rs.getString("kind"), rs.getString("status"))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int executions(UUID bookingId) {
        return this.jdbc.sql("select count(*) from scheduled_tasks t join notification n on t.task_instance = n.id::text "
                + "where n.booking_id = ?").param(bookingId).query(Integer.class).single();
    }

}
