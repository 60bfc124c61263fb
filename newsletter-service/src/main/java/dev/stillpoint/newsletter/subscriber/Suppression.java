package dev.stillpoint.newsletter.subscriber;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.stillpoint.events.privacy.PrivacyTopics;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The suppression list: hashes of addresses that only their owners may put back on the list (erased, unsubscribed,
 * bounced for good, marked the newsletter as spam).
 * Imports and bookings' newsletter ticks respect it; subscribing by hand and confirming lifts it.
 */
@Repository
class Suppression {

    private final JdbcClient jdbc;

    private final Clock clock;

    Suppression(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(String emailHash, String reason) {
        this.jdbc.sql("insert into suppressed_address (email_hash, reason, suppressed_at) values (?, ?, ?) "
                + "on conflict (email_hash) do update set reason = excluded.reason, suppressed_at = excluded.suppressed_at")
            .params(emailHash, reason, Timestamp.from(this.clock.instant())).update();
    }

    void addAddress(String email, String reason) {
        add(PrivacyTopics.emailHash(email), reason);
    }

    boolean contains(String email) {
        return this.jdbc.sql("select exists (select 1 from suppressed_address where email_hash = ?)")
            .param(PrivacyTopics.emailHash(email)).query(Boolean.class).single();
    }

    /** Every suppressed address's hash, with why it is suppressed. */
    Map<String, String> reasons() {
        Map<String, String> reasons = new HashMap<>();
        this.jdbc.sql("select email_hash, reason from suppressed_address")
            .query((RowCallbackHandler) (rs) -> reasons.put(rs.getString(1), rs.getString(2)));
        return reasons;
    }

    /** Why an address is on the list, as the import report says it. */
    static String explain(String reason) {
        return switch (reason) {
            case "BOUNCED" -> "Its mail server refused the newsletter for good: only they can subscribe again, once it is fixed.";
            case "COMPLAINED" -> "They marked the newsletter as spam: only they can subscribe again.";
            default -> "Erased or unsubscribed at their request: only they can subscribe again.";
        };
    }

    void lift(String email) {
        this.jdbc.sql("delete from suppressed_address where email_hash = ?").param(PrivacyTopics.emailHash(email))
            .update();
    }

}
