package dev.stillpoint.booking.appointment;

/**
 * The client's answers to the contraindication screen: conditions under which CranioSacral therapy needs the
 * practitioner's judgement first. These are health data: they stay in booking-service and never appear in an event
 * or an email.
 */
public record Screening(boolean aneurysm, boolean cerebralHemorrhage, boolean bleedingDisorder,
        boolean intracranialPressure) {

    public boolean needsReview() {
        return this.aneurysm || this.cerebralHemorrhage || this.bleedingDisorder || this.intracranialPressure;
    }

}
