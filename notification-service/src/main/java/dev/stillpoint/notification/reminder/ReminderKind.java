package dev.stillpoint.notification.reminder;

import java.util.Arrays;
import java.util.List;

/** The steps of a booked session's chain of care; each template name is the name of its files under templates/mail. */
enum ReminderKind {

    HYDRATION_REMINDER("hydration-reminder"),
    MORNING_OF("morning-of"),
    AFTERCARE("aftercare"),
    INTEGRATION_CHECK_IN("integration-check-in");

    static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    private final String template;

    ReminderKind(String template) {
        this.template = template;
    }

    String template() {
        return this.template;
    }

}
