package dev.stillpoint.events.booking;

/** Who moved or cancelled a booking: the client (with their manage link) or the practice's staff. */
public enum ChangedBy {

    CLIENT, STAFF

}
