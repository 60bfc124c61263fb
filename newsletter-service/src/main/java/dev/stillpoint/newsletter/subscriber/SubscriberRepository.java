package dev.stillpoint.newsletter.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriberRepository {

    private final JdbcClient jdbc;

    SubscriberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The subscriber with this address, locked until the transaction ends. */
    Optional<Subscriber> lockByEmail(String email) {
        return this.jdbc.sql("select id, email, name, status from subscriber where lower(email) = lower(?) for update")
            .param(email).query(SubscriberRepository::map).optional();
    }

    Optional<Subscriber> findById(UUID id) {
        return this.jdbc.sql("select id, email, name, status from subscriber where id = ?")
            .param(id).query(SubscriberRepository::map).optional();
    }

    /** Adds a subscriber unless the address is already on the list; returns whether it was added. */
    boolean insert(Subscriber subscriber, Subscriber.Source source, Instant now) {
        Timestamp confirmedAt = (subscriber.status() == Subscriber.Status.CONFIRMED) ? Timestamp.from(now) : null;
        return this.jdbc.sql("""
                insert into subscriber (id, email, name, status, source, created_at, confirmed_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
            .params(subscriber.id(), subscriber.email(), subscriber.name(), subscriber.status().name(), source.name(),
                    Timestamp.from(now), confirmedAt, Timestamp.from(now))
            .update() == 1;
    }

    /** How each address on the list stands, by lower-cased address, for checking an import against. */
    Map<String, Subscriber.Status> statusesByEmail() {
        Map<String, Subscriber.Status> statuses = new HashMap<>();
        this.jdbc.sql("select lower(email), status from subscriber")
            .query((RowCallbackHandler) (rs) -> statuses.put(rs.getString(1), Subscriber.Status.valueOf(rs.getString(2))));
        return statuses;
    }

    Map<Subscriber.Status, Integer> countByStatus() {
        Map<Subscriber.Status, Integer> counts = new EnumMap<>(Subscriber.Status.class);
        for (Subscriber.Status status : Subscriber.Status.values()) {
            counts.put(status, 0);
        }
        this.jdbc.sql("select status, count(*) from subscriber group by status")
            .query((RowCallbackHandler) (rs) -> counts.put(Subscriber.Status.valueOf(rs.getString(1)), rs.getInt(2)));
        return counts;
    }

    /** The subscribers whose address bounced for good, most recent first, with what their server said. */
    List<Map<String, Object>> bounced(int limit) {
        return this.jdbc.sql("select email, name, bounced_at, bounce_reason from subscriber where status = 'BOUNCED' "
                + "order by bounced_at desc limit ?").param(limit).query().listOfRows();
    }

    /** Every column of every subscriber, oldest first, a row at a time. */
    void forEach(RowCallbackHandler row) {
        this.jdbc.sql("select email, name, status, source, created_at, confirmed_at, unsubscribed_at from subscriber "
                + "order by created_at, email").query(row);
    }

    /** Everything kept about one subscriber: their row, and each issue sent to them. */
    Optional<Map<String, Object>> record(UUID id) {
        return this.jdbc.sql("select email, name, status, source, created_at, confirmed_at, unsubscribed_at "
                + "from subscriber where id = ?").param(id).query().listOfRows().stream().findFirst()
            .map((row) -> {
                Map<String, Object> record = instants(row);
                record.put("newsletters", this.jdbc.sql("select i.title, d.status, d.sent_at, d.message_id "
                        + "from delivery d join newsletter_issue i on i.id = d.issue_id where d.subscriber_id = ? "
                        + "order by i.published_at").param(id).query().listOfRows().stream()
                    .map(SubscriberRepository::instants).toList());
                return record;
            });
    }

    /** Deletes the subscriber and every trace of them in the delivery ledger; returns the issues they were queued for. */
    List<UUID> delete(UUID id) {
        List<UUID> queuedFor = this.jdbc.sql("""
                with gone as (delete from delivery where subscriber_id = ? returning issue_id, status)
                select issue_id from gone where status = 'QUEUED'""")
            .param(id).query(UUID.class).list();
        this.jdbc.sql("delete from subscriber where id = ?").param(id).update();
        return queuedFor;
    }

    /**
     * Records that the address is sent a confirmation link now, unless it was sent one after {@code since}; answers
     * whether it is to be sent.
     */
    boolean claimConfirmationRequest(UUID id, Instant now, Instant since) {
        return this.jdbc.sql("update subscriber set confirmation_requested_at = :now where id = :id "
                + "and (confirmation_requested_at is null or confirmation_requested_at <= :since)")
            .param("now", Timestamp.from(now)).param("since", Timestamp.from(since)).param("id", id)
            .update() == 1;
    }

    void updateStatus(UUID id, Subscriber.Status status, Instant now) {
        String stamp = switch (status) {
            case CONFIRMED -> ", confirmed_at = :now";
            case UNSUBSCRIBED -> ", unsubscribed_at = :now";
            case PENDING, BOUNCED -> "";
        };
        this.jdbc.sql("update subscriber set status = :status, updated_at = :now" + stamp + " where id = :id")
            .param("status", status.name()).param("now", Timestamp.from(now)).param("id", id)
            .update();
    }

    private static Map<String, Object> instants(Map<String, Object> row) {
        Map<String, Object> converted = new LinkedHashMap<>(row);
        converted.replaceAll((column, value) -> (value instanceof Timestamp timestamp) ? timestamp.toInstant() : value);
        return converted;
    }

    private static Subscriber map(ResultSet rs, int row) throws SQLException {
        return new Subscriber(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                Subscriber.Status.valueOf(rs.getString("status")));
    }

}
