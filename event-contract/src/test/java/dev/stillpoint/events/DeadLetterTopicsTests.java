package dev.stillpoint.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTopicsTests {

    @Test
    void aTopicsFirstConsumerParksOnTheTopicWithTheSuffix() {
        assertThat(DeadLetterTopics.of("booking.events")).isEqualTo("booking.events-dlt");
        assertThat(DeadLetterTopics.sourceOf("booking.events-dlt")).isEqualTo("booking.events");
        assertThat(DeadLetterTopics.isDeadLetterTopic("client.erasure-requests-dlt")).isTrue();
    }

    @Test
    void anotherConsumerGroupHasItsOwnWhichStillNamesTheSource() {
        String own = DeadLetterTopics.of("client.erasure-requests", "newsletter-service-erasure");
        assertThat(own).isEqualTo("client.erasure-requests-dlt.newsletter-service-erasure");
        assertThat(DeadLetterTopics.isDeadLetterTopic(own)).isTrue();
        assertThat(DeadLetterTopics.sourceOf(own)).isEqualTo("client.erasure-requests");
        assertThat(DeadLetterTopics.groupOf(own)).isEqualTo("newsletter-service-erasure");
        assertThat(DeadLetterTopics.groupOf("booking.events-dlt")).isNull();
    }

    @Test
    void aTopicThatIsNoDeadLetterTopicIsItsOwnSource() {
        for (String topic : new String[] { "booking.events", "client.erasure-requests", "a-dlt.", "mail.bounces" }) {
            assertThat(DeadLetterTopics.isDeadLetterTopic(topic)).as(topic).isFalse();
            assertThat(DeadLetterTopics.sourceOf(topic)).isEqualTo(topic);
        }
    }

}
