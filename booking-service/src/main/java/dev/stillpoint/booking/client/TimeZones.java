package dev.stillpoint.booking.client;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/** The time zones a client can choose from: region-based IANA zones, which know their daylight saving rules. */
final class TimeZones {

    private static final Pattern REGION = Pattern
        .compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+");

    static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
        .filter((zone) -> REGION.matcher(zone).matches())
        .sorted()
        .toList();

    private TimeZones() {
    }

    /** The zone named, when it is one a client can choose; else {@code fallback}. */
    static ZoneId orElse(String name, ZoneId fallback) {
        return (name != null && CHOICES.contains(name)) ? ZoneId.of(name) : fallback;
    }

}
