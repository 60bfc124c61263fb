package dev.stillpoint.booking.appointment;

import java.time.ZoneId;

/** Who a session is for; every time shown to them is in their own time zone. */
public record Client(String name, String email, ZoneId timeZone) {
}
