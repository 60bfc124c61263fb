package dev.stillpoint.notification.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emails sent per minute over the last hour, from the delivery log: it survives restarts and counts every instance. */
@Repository
class EmailRate {

    private final JdbcClient jdbc;

    private final Clock clock;

    EmailRate(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One count per minute, oldest first, the current minute last; minutes without emails count zero. */
    List<Long> perMinute(Duration window) {
        Instant end = this.clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant start = end.minus(window);
        Map<Instant, Long> counts = new HashMap<>();
        this.jdbc.sql("""
                select date_trunc('minute', sent_at) as minute, count(*) as sent from notification
                where status = 'SENT' and sent_at >= ? and sent_at < ? group by 1""")
            .params(Timestamp.from(start), Timestamp.from(end))
            .query((rs) -> {
                counts.put(rs.getTimestamp("minute").toInstant(), rs.getLong("sent"));
            });
        List<Long> minutes = new ArrayList<>();
        for (Instant minute = start; minute.isBefore(end); minute = minute.plus(Duration.ofMinutes(1))) {
            minutes.add(counts.getOrDefault(minute, 0L));
        }
        return minutes;
    }

}
