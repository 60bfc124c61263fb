package dev.stillpoint.booking.client;

import java.time.ZoneId;

import dev.stillpoint.booking.appointment.Client;
import dev.stillpoint.booking.appointment.IanaTimeZone;
import dev.stillpoint.booking.appointment.Screening;
import dev.stillpoint.booking.session.SessionType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What every client form that asks for a session sends (the booking page's, the waitlist's): the session, the
 * client's zone, name and email, and the answers to the four health questions, with the same rules and messages.
 */
public abstract class ClientRequestForm {

    private static final String ANSWER = "Please answer yes or no";

    @NotNull(message = "Please choose a session")
    private SessionType sessionType = SessionType.CST_60;

    @NotBlank
    @IanaTimeZone
    private String timeZone;

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

    /** The client, once the form is valid. */
    Client client() {
        return new Client(this.name.strip(), this.email.strip(), ZoneId.of(this.timeZone));
    }

    /** The answers, once the form is valid. */
    Screening screening() {
        return new Screening(this.aneurysm, this.cerebralHemorrhage, this.bleedingDisorder, this.intracranialPressure);
    }

    public SessionType getSessionType() {
        return this.sessionType;
    }

    public void setSessionType(SessionType sessionType) {
        this.sessionType = sessionType;
    }

    public String getTimeZone() {
        return this.timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
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

}
