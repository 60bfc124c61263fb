package dev.stillpoint.booking.client;

import java.time.Instant;
import java.time.LocalDate;

import dev.stillpoint.booking.appointment.NewBooking;
import jakarta.validation.constraints.NotNull;

/** What the booking page's form sends: the choices that shape the free times, then who books and their answers. */
public class BookingForm extends ClientRequestForm {

    /** 1 for a single session, 5 or 10 for a weekly series. */
    private int sessions = 1;

    /** The first day of the week of free times shown. */
    private LocalDate from;

    @NotNull(message = "Please choose a time")
    private Instant startsAt;

    private boolean newsletterOptIn;

    NewBooking toNewBooking() {
        return new NewBooking(client(), getSessionType(), this.startsAt, this.newsletterOptIn, screening());
    }

    public int getSessions() {
        return this.sessions;
    }

    public void setSessions(int sessions) {
        this.sessions = sessions;
    }

    public LocalDate getFrom() {
        return this.from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public Instant getStartsAt() {
        return this.startsAt;
    }

    public void setStartsAt(Instant startsAt) {
        this.startsAt = startsAt;
    }

    public boolean isNewsletterOptIn() {
        return this.newsletterOptIn;
    }

    public void setNewsletterOptIn(boolean newsletterOptIn) {
        this.newsletterOptIn = newsletterOptIn;
    }

}
