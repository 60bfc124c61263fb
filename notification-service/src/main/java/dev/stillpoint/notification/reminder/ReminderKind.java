package dev.stillpoint.notification.reminder;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.stillpoint.events.booking.BookingDetails;

/** The steps of a booked session's chain of care; each template name is the name of its files under templates/mail. */
enum ReminderKind {

    HYDRATION_REMINDER("hydration-reminder"),
    MORNING_OF("morning-of"),
    AFTERCARE("aftercare"),
    INTEGRATION_CHECK_IN("integration-check-in");

    static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** The steps a client may turn off; the reminder to come well hydrated always goes. */
    static final Set<ReminderKind> OPTIONAL = Collections.unmodifiableSet(EnumSet.of(MORNING_OF, AFTERCARE,
            INTEGRATION_CHECK_IN));

    private final String template;

    ReminderKind(String template) {
        this.template = template;
    }

    String template() {
        return this.template;
    }

    /** A reminder before the session is skipped once the session has begun; after the session, nothing expires. */
    Instant expiresAt(BookingDetails booking) {
        return (this == HYDRATION_REMINDER || this == MORNING_OF) ? booking.startsAt() : null;
    }

}
