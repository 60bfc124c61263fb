package dev.stillpoint.newsletter.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the practice reads them: in its time zone, named. */
public record PracticeTimes(ZoneId zone) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK);

    public String format(Instant instant) {
        return (instant != null) ? FORMAT.format(instant.atZone(this.zone)) : "";
    }

    /** The value of a {@code datetime-local} input for the instant, or empty. */
    public String input(Instant instant) {
        return (instant != null) ? DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(this.zone))
                : "";
    }

}
