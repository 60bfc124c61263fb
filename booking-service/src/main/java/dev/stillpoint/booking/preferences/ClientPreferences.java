package dev.stillpoint.booking.preferences;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.client.ClientPreferencesChanged;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.outbox.Outbox;
import dev.stillpoint.outbox.OutboxMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's choice of optional emails, kept by the hash of their address. A change is saved and published
 * ({@link ClientPreferencesChanged}, for notification-service to honour in every step still to come) in one
 * transaction; saving the choice already saved publishes nothing.
 */
@Service
public class ClientPreferences {

    private final JdbcClient jdbc;

    private final Outbox outbox;

    private final Clock clock;

    ClientPreferences(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    public EmailPreferences find(String emailHash) {
        return this.jdbc.sql("select morning_of, aftercare, check_in from client_preferences where email_hash = ?")
            .param(emailHash)
            .query((rs, row) -> new EmailPreferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
            .optional()
            .orElse(EmailPreferences.ALL);
    }

    /** Saves the client's choice; answers whether it changed anything. */
    @Transactional
    public boolean change(String emailHash, EmailPreferences preferences) {
        Instant now = this.clock.instant();
        Long version = this.jdbc.sql("""
                insert into client_preferences (email_hash, morning_of, aftercare, check_in, version, updated_at)
                values (:hash, :morningOf, :aftercare, :checkIn, 1, :now)
                on conflict (email_hash) do update set morning_of = excluded.morning_of,
                    aftercare = excluded.aftercare, check_in = excluded.check_in,
                    version = client_preferences.version + 1, updated_at = excluded.updated_at
                where (client_preferences.morning_of, client_preferences.aftercare, client_preferences.check_in)
                    is distinct from (excluded.morning_of, excluded.aftercare, excluded.check_in)
                returning version""")
            .param("hash", emailHash)
            .param("morningOf", preferences.morningOf())
            .param("aftercare", preferences.aftercare())
            .param("checkIn", preferences.checkIn())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .optional()
            .orElse(null);
        if (version == null) {
            return false;
        }
        ClientPreferencesChanged event = new ClientPreferencesChanged(UUID.randomUUID(), emailHash, version,
                preferences.morningOf(), preferences.aftercare(), preferences.checkIn(), now);
        this.outbox.append(new OutboxMessage(event.eventId(), ClientTopics.PREFERENCES, emailHash,
                ClientTopics.PREFERENCES_CHANGED_TYPE, BookingTopics.SOURCE, now, event));
        return true;
    }

}
