package dev.stillpoint.notification.reminder;

import java.util.EnumSet;
import java.util.Set;

import dev.stillpoint.events.privacy.PrivacyTopics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which optional steps a client turned off, as {@link ClientPreferences} keeps it: what a new chain is planned with. */
@Component
class TurnedOffSteps {

    /** The reason a step shows in the timeline when the client turned it off. */
    static final String REASON = "the client turned this email off";

    private final JdbcClient jdbc;

    TurnedOffSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The optional steps the client with this address turned off; none if they never chose. */
    Set<ReminderKind> of(String email) {
        return this.jdbc.sql("select morning_of, aftercare, check_in from client_preferences where email_hash = ?")
            .param(PrivacyTopics.emailHash(email))
            .query((rs, row) -> off(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
            .optional()
            .orElse(EnumSet.noneOf(ReminderKind.class));
    }

    static Set<ReminderKind> off(boolean morningOf, boolean aftercare, boolean checkIn) {
        Set<ReminderKind> off = EnumSet.noneOf(ReminderKind.class);
        if (!morningOf) {
            off.add(ReminderKind.MORNING_OF);
        }
        if (!aftercare) {
            off.add(ReminderKind.AFTERCARE);
        }
        if (!checkIn) {
            off.add(ReminderKind.INTEGRATION_CHECK_IN);
        }
        return off;
    }

}
