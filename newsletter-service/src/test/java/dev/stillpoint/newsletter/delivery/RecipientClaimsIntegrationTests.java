package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.Waits;
import dev.stillpoint.newsletter.NewsletterTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recipient's claim fences what becomes of it: a sender whose lease lapsed, and whose recipient another sender
 * claimed meanwhile, can neither give the recipient back (which would let a third send it too) nor settle it.
 */
class RecipientClaimsIntegrationTests extends NewsletterTestBase {

    @Autowired
    RecipientClaims claims;

    @Autowired
    RecipientOutcomes outcomes;

    private final UUID issue = UUID.randomUUID();

    private final UUID subscriber = UUID.randomUUID();

    /** An issue being sent to one subscriber, its record fanned out already (so that no sender here takes it). */
    @BeforeEach
    void oneRecipientOfAnIssueBeingSent() {
        this.jdbc.sql("insert into subscriber (id, email, status, source, created_at, updated_at) "
                + "values (?, ?, 'CONFIRMED', 'FORM', now(), now())").params(this.subscriber, this.subscriber + "@example.com")
            .update();
        this.jdbc.sql("insert into newsletter_issue (id, title, markdown, status, created_at, updated_at) "
                + "values (?, 'Fenced', 'News.', 'SENDING', now(), now())").param(this.issue).update();
        this.jdbc.sql("insert into delivery (issue_id, subscriber_id, status, message_id, fanned_out_at) "
                + "values (?, ?, 'QUEUED', ?, now())").params(this.issue, this.subscriber, "<" + UUID.randomUUID() + ">")
            .update();
    }

    @AfterEach
    void finishTheIssue() {
        this.jdbc.sql("update newsletter_issue set status = 'SENT' where id = ?").param(this.issue).update();
    }

    @Test
    void aLapsedClaimCanNeitherGiveBackNorSettleARecipientAnotherSenderHolds() {
        UUID lapsed = claim(Duration.ofMillis(1));
        await().atMost(Waits.STEP).until(() -> row().endsWith("free"));
        UUID current = claim(Duration.ofHours(1));
        assertThat(current).isNotNull().isNotEqualTo(lapsed);

        this.outcomes.release(lapsed, this.issue, List.of(this.subscriber), "late");
        assertThat(row()).isEqualTo("QUEUED " + current + " 2 held");
        assertThat(this.claims.claim(this.issue, List.of(this.subscriber), Duration.ofHours(1))).isEmpty();
        this.outcomes.markFailed(lapsed, new DeliveryRequest(this.issue, this.subscriber), "late");
        this.outcomes.markSent(lapsed, this.issue, List.of(this.subscriber));
        assertThat(row()).isEqualTo("QUEUED " + current + " 2 held");
        assertThat(this.claims.renew(lapsed, this.issue, List.of(this.subscriber), Duration.ofDays(1))).isZero();

        assertThat(this.claims.renew(current, this.issue, List.of(this.subscriber), Duration.ofHours(2))).isEqualTo(1);
        this.outcomes.markSent(current, this.issue, List.of(this.subscriber));
        assertThat(row()).isEqualTo("SENT null 2 free");
    }

    private UUID claim(Duration lease) {
        return this.claims.claim(this.issue, List.of(this.subscriber), lease).stream().findFirst()
            .map(RecipientClaims.Claimed::claim).orElse(null);
    }

    private String row() {
        return this.jdbc.sql("select status || ' ' || coalesce(claim::text, 'null') || ' ' || attempts || ' ' || "
                + "case when claimed_until > now() then 'held' else 'free' end from delivery "
                + "where issue_id = ? and subscriber_id = ?").params(this.issue, this.subscriber)
            .query(String.class).single();
    }

}
