package dev.stillpoint.newsletter.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
        return this.jdbc.sql("""
                insert into subscriber (id, email, name, status, source, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
            .params(subscriber.id(), subscriber.email(), subscriber.name(), subscriber.status().name(), source.name(),
                    Timestamp.from(now), Timestamp.from(now))
            .update() == 1;
    }

    void updateStatus(UUID id, Subscriber.Status status, Instant now) {
        String stamp = switch (status) {
            case CONFIRMED -> ", confirmed_at = :now";
            case UNSUBSCRIBED -> ", unsubscribed_at = :now";
            case PENDING -> "";
        };
        this.jdbc.sql("update subscriber set status = :status, updated_at = :now" + stamp + " where id = :id")
            .param("status", status.name()).param("now", Timestamp.from(now)).param("id", id)
            .update();
    }

    private static Subscriber map(ResultSet rs, int row) throws SQLException {
        return new Subscriber(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                Subscriber.Status.valueOf(rs.getString("status")));
    }

}
