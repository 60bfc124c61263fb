package dev.stillpoint.booking.preferences;

/**
 * Which optional emails of the chain of care a client wants; every one is on until they turn it off. The confirmation,
 * the change notices and the reminder to come well hydrated always go.
 *
 * @param morningOf the note on the morning of each session
 * @param aftercare the aftercare email after each session
 * @param checkIn the check-in a few days after each session
 */
public record EmailPreferences(boolean morningOf, boolean aftercare, boolean checkIn) {

    /** What a client who never chose gets. */
    public static final EmailPreferences ALL = new EmailPreferences(true, true, true);

}
