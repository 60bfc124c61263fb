package dev.stillpoint.booking.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.stillpoint.booking.booking.Client;
import dev.stillpoint.booking.booking.IanaTimeZone;
import dev.stillpoint.booking.booking.NewBooking;
import dev.stillpoint.booking.booking.Screening;
import dev.stillpoint.booking.session.SessionType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the booking page's form sends: the choices that shape the free times, then who books and their answers. */
public class BookingForm {

    private static final String ANSWER = "Please answer yes or no";

    @NotNull(message = "Please choose a session")
    private SessionType sessionType = SessionType.CST_60;

    /** 1 for a single session, 5 or 10 for a weekly series. */
    private int sessions = 1;

    @NotBlank
    @IanaTimeZone
    private String timeZone;

    /** The first day of the week of free times shown. */
    private LocalDate from;

    @NotNull(message = "Please choose a time")
    private Instant startsAt;

    @NotBlank(message = "Please enter your name")
    @Size(max = 120, message = "Please keep your name to 120 characters")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Please enter your name without control characters")
    private String name;

    @NotBlank(message = "Please enter your email address")
    @Email(message = "Please enter an email address such as name@example.com")
    @Size(max = 254, message = "Please enter an email address of at most 254 characters")
    private String email;

    @NotNull(message = ANSWER)
    private Boolean aneurysm;

    @NotNull(message = ANSWER)
    private Boolean cerebralHemorrhage;

    @NotNull(message = ANSWER)
    private Boolean bleedingDisorder;

    @NotNull(message = ANSWER)
    private Boolean intracranialPressure;

    private boolean newsletterOptIn;

    NewBooking toNewBooking() {
        return new NewBooking(new Client(this.name.strip(), this.email.strip(), ZoneId.of(this.timeZone)),
                this.sessionType, this.startsAt, this.newsletterOptIn,
                new Screening(this.aneurysm, this.cerebralHemorrhage, this.bleedingDisorder, this.intracranialPressure));
    }

    public SessionType getSessionType() {
        return this.sessionType;
    }

    public void setSessionType(SessionType sessionType) {
        this.sessionType = sessionType;
    }

    public int getSessions() {
        return this.sessions;
    }

    public void setSessions(int sessions) {
        this.sessions = sessions;
    }

    public String getTimeZone() {
        return this.timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
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

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return this.email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Boolean getAneurysm() {
        return this.aneurysm;
    }

    public void setAneurysm(Boolean aneurysm) {
        this.aneurysm = aneurysm;
    }

    public Boolean getCerebralHemorrhage() {
        return this.cerebralHemorrhage;
    }

    public void setCerebralHemorrhage(Boolean cerebralHemorrhage) {
        this.cerebralHemorrhage = cerebralHemorrhage;
    }

    public Boolean getBleedingDisorder() {
        return this.bleedingDisorder;
    }

    public void setBleedingDisorder(Boolean bleedingDisorder) {
        this.bleedingDisorder = bleedingDisorder;
    }

    public Boolean getIntracranialPressure() {
        return this.intracranialPressure;
    }

    public void setIntracranialPressure(Boolean intracranialPressure) {
        this.intracranialPressure = intracranialPressure;
    }

    public boolean isNewsletterOptIn() {
        return this.newsletterOptIn;
    }

    public void setNewsletterOptIn(boolean newsletterOptIn) {
        this.newsletterOptIn = newsletterOptIn;
    }

}
