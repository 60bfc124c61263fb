package dev.stillpoint.support;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;

import dev.stillpoint.events.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerErrorHandlersTests {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("booking.events", 2, 41L, "k", "v");

    @Test
    void aRecordIsParkedOnItsTopicsDeadLetterTopicOrItsGroupsOwnOnTheSamePartition() {
        var first = ListenerErrorHandlers.destination(RECORD, failedIn("notification-service"), Set.of("newsletter-service"));
        assertThat(first.topic()).isEqualTo("booking.events-dlt");
        assertThat(first.partition()).isEqualTo(2);
        var own = ListenerErrorHandlers.destination(RECORD, failedIn("newsletter-service"), Set.of("newsletter-service"));
        assertThat(own.topic()).isEqualTo("booking.events-dlt.newsletter-service");
        assertThat(own.partition()).isEqualTo(2);
    }

    @Test
    void theReasonIsTheMostSpecificCauseInOneLineAndTheGroupIsNamed() {
        Headers headers = ListenerErrorHandlers.reasonHeaders(failedIn("newsletter-service",
                new IllegalStateException("wrapper", new IllegalArgumentException("No valid email\nat line 2"))));
        assertThat(value(headers, DeadLetterHeaders.REASON)).isEqualTo("No valid email");
        assertThat(value(headers, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("newsletter-service");
    }

    @Test
    void aCauseIsFoundHoweverDeepItIs() {
        Exception ex = failedIn("g", new CannotCreateTransactionException("no tx", new SQLException("refused")));
        assertThat(ListenerErrorHandlers.causedBy(ex, SQLException.class)).isTrue();
        assertThat(ListenerErrorHandlers.causedBy(ex, IllegalStateException.class)).isFalse();
    }

    private static ListenerExecutionFailedException failedIn(String group) {
        return failedIn(group, new IllegalArgumentException("bad"));
    }

    private static ListenerExecutionFailedException failedIn(String group, Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", group, cause);
    }

    private static String value(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
