package dev.stillpoint.notification.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reminders, aftercare and check-ins still to go: {@code stillpoint_reminders_scheduled}, those due within the next
 * hour ({@code stillpoint_reminders_due_soon}) and those whose time has passed by more than a minute without being
 * sent ({@code stillpoint_reminders_overdue}: the scheduler or the SMTP server is behind).
 */
@Component
class ReminderMetrics implements MeterBinder {

    static final Duration SOON = Duration.ofHours(1);

    static final Duration GRACE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    private final Clock clock;

    ReminderMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "stillpoint.reminders.scheduled", "Steps of a chain of care waiting for their time",
                () -> count("status = 'SCHEDULED' and due_at > :now", Instant.EPOCH));
        gauge(registry, "stillpoint.reminders.due.soon", "Steps due within the next hour",
                () -> count("status = 'SCHEDULED' and due_at > :now and due_at <= :until", this.clock.instant().plus(SOON)));
        gauge(registry, "stillpoint.reminders.overdue", "Steps past their time by more than a minute and not yet sent",
                () -> count("status in ('SCHEDULED', 'PENDING') and due_at < :until", this.clock.instant().minus(GRACE)));
    }

    private long count(String condition, Instant until) {
        return this.jdbc.sql("select count(*) from notification where kind in (:kinds) and " + condition)
            .param("kinds", ReminderKind.NAMES)
            .param("now", Timestamp.from(this.clock.instant()))
            .param("until", Timestamp.from(until))
            .query(Long.class)
            .single();
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

}
