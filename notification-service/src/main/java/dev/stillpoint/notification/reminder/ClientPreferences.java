package dev.stillpoint.notification.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stillpoint.events.client.ClientPreferencesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each client's choice of the optional steps of their chain of care, honoured by every step still to come: a step
 * the client turned off is planned as {@code SKIPPED} with {@link #TurnedOffSteps.REASON}, and a choice that arrives after steps
 * were planned skips (or brings back) those still ahead, for all the client's bookings.
 */
@Service
public class ClientPreferences {

    private static final Logger logger = LoggerFactory.getLogger(ClientPreferences.class);

    private static final String RECIPIENT_HASH = "encode(sha256(convert_to(lower(btrim(recipient)), 'UTF8')), 'hex')";

    private final JdbcClient jdbc;

    private final ReminderScheduling reminders;

    private final Clock clock;

    ClientPreferences(JdbcClient jdbc, ReminderScheduling reminders, Clock clock) {
        this.jdbc = jdbc;
        this.reminders = reminders;
        this.clock = clock;
    }

    /**
     * Keeps the client's newest choice and applies it to their steps still ahead; a choice older than the one kept (a
     * redelivery, or a record overtaken) changes nothing.
     */
    @Transactional
    public void apply(ClientPreferencesChanged changed) {
        int kept = this.jdbc.sql("""
                insert into client_preferences (email_hash, morning_of, aftercare, check_in, version, updated_at)
                values (:hash, :morningOf, :aftercare, :checkIn, :version, :at)
                on conflict (email_hash) do update set morning_of = excluded.morning_of,
                    aftercare = excluded.aftercare, check_in = excluded.check_in, version = excluded.version,
                    updated_at = excluded.updated_at
                where client_preferences.version < excluded.version""")
            .param("hash", changed.emailHash())
            .param("morningOf", changed.morningOf())
            .param("aftercare", changed.aftercare())
            .param("checkIn", changed.checkIn())
            .param("version", changed.version())
            .param("at", Timestamp.from(changed.occurredAt()))
            .update();
        if (kept == 0) {
            logger.debug("Preferences version {} is not newer than the one kept; ignored", changed.version());
            return;
        }
        Set<ReminderKind> off = TurnedOffSteps.off(changed.morningOf(), changed.aftercare(), changed.checkIn());
        Set<ReminderKind> on = EnumSet.copyOf(ReminderKind.OPTIONAL);
        on.removeAll(off);
        List<UUID> skipped = skip(changed.emailHash(), off);
        skipped.forEach(this.reminders::unschedule);
        Map<UUID, Instant> restored = restore(changed.emailHash(), on);
        restored.forEach(this.reminders::scheduleAgain);
        logger.info("Preferences version {}: {} step(s) ahead skipped, {} brought back", changed.version(),
                skipped.size(), restored.size());
    }

    /** Forgets the client's choice (erasure); answers how many rows went. */
    public int erase(String emailHash) {
        return this.jdbc.sql("delete from client_preferences where email_hash = ?").param(emailHash).update();
    }

    private List<UUID> skip(String hash, Set<ReminderKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return this.jdbc.sql("update notification set status = 'SKIPPED', reason = :reason "
                + "where status = 'SCHEDULED' and kind in (:kinds) and " + RECIPIENT_HASH + " = :hash returning id")
            .param("reason", TurnedOffSteps.REASON)
            .param("kinds", kinds.stream().map(Enum::name).toList())
            .param("hash", hash)
            .query(UUID.class)
            .list();
    }

    private Map<UUID, Instant> restore(String hash, Set<ReminderKind> kinds) {
        if (kinds.isEmpty()) {
            return Map.of();
        }
        return this.jdbc.sql("update notification set status = 'SCHEDULED', reason = null where status = 'SKIPPED' "
                + "and reason = :reason and due_at > :now and kind in (:kinds) and " + RECIPIENT_HASH + " = :hash "
                + "returning id, due_at")
            .param("reason", TurnedOffSteps.REASON)
            .param("now", Timestamp.from(this.clock.instant()))
            .param("kinds", kinds.stream().map(Enum::name).toList())
            .param("hash", hash)
            .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

}
