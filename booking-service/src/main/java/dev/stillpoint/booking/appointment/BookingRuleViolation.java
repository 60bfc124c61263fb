package dev.stillpoint.booking.appointment;

/** A well-formed request the practice cannot accept (422), naming the field at fault. */
public class BookingRuleViolation extends RuntimeException {

    private final String field;

    BookingRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

}
