package dev.stillpoint.booking.session;

import java.time.Duration;

/** The sessions the practice offers: the time booked includes arriving, settling and dressing again. */
public enum SessionType {

    CST_60("CranioSacral therapy, 60 minutes", 60, 45),
    CST_75("CranioSacral therapy, 75 minutes", 75, 60);

    private final String title;

    private final int bookedMinutes;

    private final int handsOnMinutes;

    SessionType(String title, int bookedMinutes, int handsOnMinutes) {
        this.title = title;
        this.bookedMinutes = bookedMinutes;
        this.handsOnMinutes = handsOnMinutes;
    }

    public String title() {
        return this.title;
    }

    public int bookedMinutes() {
        return this.bookedMinutes;
    }

    public int handsOnMinutes() {
        return this.handsOnMinutes;
    }

    public Duration length() {
        return Duration.ofMinutes(this.bookedMinutes);
    }

}
